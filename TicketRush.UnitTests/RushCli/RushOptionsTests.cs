using TicketRush.RushCli;

namespace TicketRush.UnitTests.RushCli;

/// <summary>The rush command line: every option optional, anything unknown or malformed refused.</summary>
public sealed class RushOptionsTests
{
    [Fact]
    public void No_options_gives_the_documented_defaults()
    {
        var options = RushOptions.Parse([]);

        Assert.Equal([new Uri("http://localhost:8080"), new Uri("http://localhost:8081")], options.Servers);
        Assert.Equal("all", options.Strategy);
        Assert.Equal(100, options.Stock);
        Assert.Equal(1_000, options.Buyers);
        Assert.Equal("ticketrush-dev-admin-key", options.AdminKey);
        Assert.Equal("rush-report.html", options.ReportPath);
        Assert.Null(options.AdmitPerSecond);
        Assert.Null(options.Gateway);
        Assert.Null(options.KeyedEvery);
    }

    [Fact]
    public void Gateway_and_keyed_buyers_are_optional_extras()
    {
        var options = RushOptions.Parse(["--gateway", "http://localhost:8000", "--keyed-every", "2"]);

        Assert.Equal(new Uri("http://localhost:8000"), options.Gateway);
        Assert.Equal(2, options.KeyedEvery);
        Assert.Throws<ArgumentException>(() => RushOptions.Parse(["--keyed-every", "0"]));
    }

    [Fact]
    public void Waiting_room_takes_the_admission_rate()
    {
        Assert.Equal(200, RushOptions.Parse(["--waiting-room", "200"]).AdmitPerSecond);
        Assert.Throws<ArgumentException>(() => RushOptions.Parse(["--waiting-room", "0"]));
    }

    [Fact]
    public void Given_options_override_the_defaults()
    {
        var options = RushOptions.Parse(
            ["--servers", "http://127.0.0.1:9000", "--strategy", StrategyNames.Atomic, "--stock", "5", "--buyers", "50", "--admin-key", "k", "--report", "r.html"]);

        Assert.Equal([new Uri("http://127.0.0.1:9000")], options.Servers);
        Assert.Equal(StrategyNames.Atomic, options.Strategy);
        Assert.Equal(5, options.Stock);
        Assert.Equal(50, options.Buyers);
        Assert.Equal("k", options.AdminKey);
        Assert.Equal("r.html", options.ReportPath);
    }

    [Fact]
    public void Unknown_option_is_rejected_by_name()
    {
        var failure = Assert.Throws<ArgumentException>(() => RushOptions.Parse(["--stock", "5", "--duration", "30s"]));

        Assert.Contains("--duration", failure.Message);
    }

    [Theory]
    [InlineData("--stock", "abc")]
    [InlineData("--stock", "0")]
    [InlineData("--stock", "-5")]
    [InlineData("--stock", "1.5")]
    [InlineData("--buyers", "99999999999")]
    [InlineData("--buyers", "")]
    public void Bad_numbers_are_rejected(string option, string value)
    {
        Assert.Throws<ArgumentException>(() => RushOptions.Parse([option, value]));
    }

    [Theory]
    [InlineData("--stock")]
    [InlineData("stock", "5")]
    [InlineData("-s", "5")]
    public void Options_not_in_name_value_pairs_are_rejected(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => RushOptions.Parse(args));
    }

    [Fact]
    public void Malformed_server_url_is_rejected()
    {
        var failure = Assert.Throws<ArgumentException>(() => RushOptions.Parse(["--servers", "not a url"]));
        Assert.Contains("--servers", failure.Message);
    }

    [Fact]
    public void Option_names_are_case_sensitive_as_in_every_posix_tool()
    {
        var failure = Assert.Throws<ArgumentException>(() => RushOptions.Parse(["--BUYERS", "50"]));

        Assert.Contains("--BUYERS", failure.Message);
    }
}
