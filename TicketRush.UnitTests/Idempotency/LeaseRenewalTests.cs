using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TicketRush.Api.Idempotency;

namespace TicketRush.UnitTests.Idempotency;

/// <summary>An Idempotency-Key's lease is renewed through transient errors and given up only when it is lost.</summary>
public sealed class LeaseRenewalTests
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();
    private int _renewals;
    private int _failures;

    [Fact]
    public async Task Renewing_goes_on_after_a_transient_error()
    {
        using var stop = new CancellationTokenSource();
        var renewing = StartAsync(renewal => renewal == 1 ? throw new RedisTimeoutException("blip", CommandStatus.Sent) : true, stop.Token);

        for (var tick = 1; tick <= 3; tick++)
        {
            await TickAsync(tick);
        }

        await stop.CancelAsync();
        Assert.True(await renewing);
        Assert.Equal(1, _failures);
    }

    [Fact]
    public async Task A_lost_lease_stops_renewing_and_is_reported()
    {
        var renewing = StartAsync(renewal => renewal < 2, CancellationToken.None);

        await TickAsync(1);
        await TickAsync(2);

        Assert.False(await renewing.WaitAsync(TimeSpan.FromSeconds(10)));
        _time.Advance(Every);
        Assert.Equal(2, _renewals);
    }

    [Fact]
    public async Task A_bug_is_not_taken_for_a_transient_error()
    {
        var renewing = StartAsync(_ => throw new InvalidCastException("bug"), CancellationToken.None);

        _time.Advance(Every);

        await Assert.ThrowsAsync<InvalidCastException>(() => renewing.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private Task<bool> StartAsync(Func<int, bool> renew, CancellationToken stop) =>
        LeaseRenewal.RenewUntilAsync(
            () => Task.FromResult(renew(Interlocked.Increment(ref _renewals))),
            exception => exception is RedisTimeoutException,
            _ => Interlocked.Increment(ref _failures),
            Every, _time, stop);

    private async Task TickAsync(int renewal)
    {
        _time.Advance(Every);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Volatile.Read(ref _renewals) < renewal)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
