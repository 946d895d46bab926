using TicketRush.Rush.Soak;

namespace TicketRush.UnitTests.Rush;

/// <summary>
/// A soak loads loopback servers only, so it cannot load someone else's machine. The check lives in
/// <see cref="SoakRunner"/>, not in the command-line parsing; constructing a runner sends nothing.
/// </summary>
public sealed class SoakLoopbackTests
{
    private static readonly SoakSettings Settings = new(TimeSpan.FromSeconds(1), 1, 0.2, 10, "key");

    [Theory]
    [InlineData("http://example.com:8080")]
    [InlineData("http://10.1.2.3:8080")]
    public void Non_loopback_server_is_rejected(string url)
    {
        using var local = new HttpClient { BaseAddress = new Uri("http://localhost:8080") };
        using var remote = new HttpClient { BaseAddress = new Uri(url) };

        var failure = Assert.Throws<ArgumentException>(() => new SoakRunner([local, remote], Settings));
        Assert.Contains(new Uri(url).Host, failure.Message);
    }

    [Fact]
    public void Server_without_a_base_address_is_rejected()
    {
        using var client = new HttpClient();

        Assert.Throws<ArgumentException>(() => new SoakRunner([client], Settings));
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:8081")]
    [InlineData("http://[::1]:8082")]
    public void Loopback_servers_are_accepted(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        _ = new SoakRunner([client], Settings);
    }
}
