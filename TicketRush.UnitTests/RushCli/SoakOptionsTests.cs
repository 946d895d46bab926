using TicketRush.Rush.Soak;
using TicketRush.RushCli;

namespace TicketRush.UnitTests.RushCli;

/// <summary>The soak command line: defaults, durations such as 45s or 2m, a ratio between 0 and 1.</summary>
public sealed class SoakOptionsTests
{
    [Fact]
    public void No_options_gives_the_documented_defaults()
    {
        var options = SoakOptions.Parse([]);

        Assert.Equal([new Uri("http://localhost:8080"), new Uri("http://localhost:8081")], options.Servers);
        Assert.Equal("all", options.Strategy);
        Assert.Equal(new SoakSettings(TimeSpan.FromSeconds(30), 16, 0.2, 2_000, "ticketrush-dev-admin-key"), options.Settings);
    }

    [Theory]
    [InlineData("45s", 45)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3_600)]
    [InlineData("90", 90)]
    public void Duration_takes_seconds_minutes_or_hours(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SoakOptions.Parse(["--duration", text]).Settings.Duration);
    }

    [Theory]
    [InlineData("2M", 120)]
    [InlineData("1H", 3_600)]
    public void Duration_units_ignore_case(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SoakOptions.Parse(["--duration", text]).Settings.Duration);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("0")]
    [InlineData("-3s")]
    [InlineData("1.5m")]
    [InlineData("2d")]
    [InlineData("s")]
    [InlineData("soon")]
    [InlineData("99999999999s")]
    public void Bad_durations_are_rejected(string text)
    {
        var failure = Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--duration", text]));

        Assert.Contains("--duration", failure.Message);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("0.35", 0.35)]
    public void Abort_ratio_between_zero_and_one_is_accepted(string text, double ratio)
    {
        Assert.Equal(ratio, SoakOptions.Parse(["--abort-ratio", text]).Settings.AbortRatio);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("half")]
    [InlineData("NaN")]
    public void Abort_ratio_outside_zero_to_one_is_rejected(string text)
    {
        Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--abort-ratio", text]));
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--stock", "-1")]
    [InlineData("--stock", "many")]
    public void Bad_numbers_are_rejected(string option, string value)
    {
        Assert.Throws<ArgumentException>(() => SoakOptions.Parse([option, value]));
    }

    [Fact]
    public void Rush_only_option_is_unknown_to_soak()
    {
        var failure = Assert.Throws<ArgumentException>(() => SoakOptions.Parse(["--buyers", "10"]));

        Assert.Contains("--buyers", failure.Message);
    }
}
