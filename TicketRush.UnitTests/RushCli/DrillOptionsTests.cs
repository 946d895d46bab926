using TicketRush.RushCli;

namespace TicketRush.UnitTests.RushCli;

/// <summary>The drill command line: exactly one fault, everything else defaulted.</summary>
public sealed class DrillOptionsTests
{
    [Fact]
    public void A_kill_with_the_documented_defaults()
    {
        var options = DrillOptions.Parse(["--kill-port", "8080"]);

        Assert.Equal(new TicketRush.Rush.Drills.DrillFault(8080, null), options.Fault);
        Assert.Equal(StrategyNames.Atomic, options.Strategy);
        Assert.Equal((1_000, 3_000, 2), (options.Stock, options.Buyers, options.KeyedEvery));
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.FaultAfter);
        Assert.Null(options.Gateway);
    }

    [Fact]
    public void A_freeze_takes_its_length()
    {
        var options = DrillOptions.Parse(["--freeze-port", "3306", "--freeze-seconds", "5", "--gateway", "http://localhost:8000"]);

        Assert.Equal(new TicketRush.Rush.Drills.DrillFault(3306, TimeSpan.FromSeconds(5)), options.Fault);
        Assert.Equal(new Uri("http://localhost:8000"), options.Gateway);
    }

    [Fact]
    public void A_restart_of_Redis_empty_is_a_kill_that_waits_for_the_AppHost_to_start_it_again()
    {
        var options = DrillOptions.Parse(["--restart-redis-empty", "6379", "--strategy", "redis-counter"]);

        Assert.Equal(new TicketRush.Rush.Drills.DrillFault(6379, Freeze: null, AwaitRestart: true), options.Fault);
        Assert.Equal("redis-counter", options.Strategy);
    }

    [Theory]
    [InlineData]
    [InlineData("--restart-redis-empty", "6379", "--kill-port", "8080")]
    [InlineData("--kill-port", "8080", "--freeze-port", "3306")]
    [InlineData("--kill-port", "70000")]
    [InlineData("--kill-port", "8080", "--bogus", "1")]
    public void Anything_but_one_valid_fault_is_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => DrillOptions.Parse(args));
    }
}
