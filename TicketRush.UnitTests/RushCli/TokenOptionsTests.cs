using TicketRush.RushCli;

namespace TicketRush.UnitTests.RushCli;

/// <summary>The <c>token</c> command line, and the <c>--buyer-key</c> every load command takes.</summary>
public sealed class TokenOptionsTests
{
    [Fact]
    public void Token_needs_a_user_and_mints_locally_with_a_key_else_asks_a_server()
    {
        var local = TokenOptions.Parse(["--user", "42", "--buyer-key", "k"]);
        var remote = TokenOptions.Parse(["--user", "42"]);

        Assert.Equal((42L, "k"), (local.User, local.BuyerKey));
        Assert.Equal((null, new Uri("http://localhost:8080")), (remote.BuyerKey, remote.Server));
        Assert.Throws<ArgumentException>(() => TokenOptions.Parse([]));
        Assert.Throws<ArgumentException>(() => TokenOptions.Parse(["--user", "0"]));
    }

    [Fact]
    public void Rush_soak_and_drill_take_an_optional_buyer_key()
    {
        Assert.Null(RushOptions.Parse([]).BuyerKey);
        Assert.Equal("k", RushOptions.Parse(["--buyer-key", "k"]).BuyerKey);
        Assert.Equal("k", SoakOptions.Parse(["--buyer-key", "k"]).BuyerKey);
        Assert.Equal("k", DrillOptions.Parse(["--kill-port", "8080", "--buyer-key", "k"]).BuyerKey);
    }
}
