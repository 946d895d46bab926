using TicketRush.Bench;

namespace TicketRush.UnitTests.Bench;

/// <summary>The bench's command line, on the same conventions as the rush CLI: defaults, --quick's shorter run, errors that name the option.</summary>
public sealed class BenchPlanTests
{
    [Fact]
    public void No_options_is_the_full_run_of_every_strategy()
    {
        var plan = BenchPlan.Parse([]);

        Assert.False(plan.Quick);
        Assert.Empty(plan.Strategies);
        Assert.Equal((64, TimeSpan.FromSeconds(20), true, "docs"), (plan.Concurrency, plan.SustainedWindow, plan.Telemetry, plan.OutputDirectory));
    }

    [Fact]
    public void Quick_shortens_the_windows_and_picks_three_strategies_unless_told_otherwise()
    {
        var quick = BenchPlan.Parse(["--quick"]);
        Assert.Equal([StrategyNames.Atomic, StrategyNames.RedisCounter, StrategyNames.Pessimistic], quick.Strategies);
        Assert.Equal(TimeSpan.FromSeconds(4), quick.SustainedWindow);

        var told = BenchPlan.Parse(["--quick", "--strategies", "batched, lock", "--sustained-seconds", "7"]);
        Assert.Equal([StrategyNames.Batched, StrategyNames.Lock], told.Strategies);
        Assert.Equal(TimeSpan.FromSeconds(7), told.SustainedWindow);
    }

    [Fact]
    public void Telemetry_takes_on_or_off()
    {
        Assert.False(BenchPlan.Parse(["--telemetry", "off"]).Telemetry);
        Assert.True(BenchPlan.Parse(["--telemetry", "on"]).Telemetry);
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "many")]
    [InlineData("--sustained-seconds", "-1")]
    [InlineData("--telemetry", "maybe")]
    public void A_bad_value_is_an_error_naming_its_option(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchPlan.Parse([option, value]));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchPlan.Parse(["--stratgies", "atomic"]));

        Assert.Contains("--stratgies", error.Message, StringComparison.Ordinal);
    }
}
