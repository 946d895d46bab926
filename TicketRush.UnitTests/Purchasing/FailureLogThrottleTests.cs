using Microsoft.Extensions.Time.Testing;
using TicketRush.Api.Logging;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>In an outage one failure per kind and interval is logged in full, with the count of those it stood for.</summary>
public sealed class FailureLogThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_thousand_failures_in_an_interval_log_once_and_the_next_entry_counts_the_rest()
    {
        var throttle = new FailureLogThrottle(_time, Interval);

        var logged = Enumerable.Range(0, 1_000).Count(_ => throttle.ShouldLog("redis", out _));
        _time.Advance(Interval);

        Assert.Equal(1, logged);
        Assert.True(throttle.ShouldLog("redis", out var suppressed));
        Assert.Equal(999, suppressed);
    }

    [Fact]
    public void Each_kind_of_failure_has_its_own_interval()
    {
        var throttle = new FailureLogThrottle(_time, Interval);

        Assert.True(throttle.ShouldLog("redis", out _));
        Assert.True(throttle.ShouldLog("mysql", out _));
        Assert.False(throttle.ShouldLog("redis", out _));
    }
}
