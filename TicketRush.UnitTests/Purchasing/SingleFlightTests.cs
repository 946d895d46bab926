using TicketRush.Api.Purchasing.RedisStock;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>A thousand buyers finding the Redis counter gone start one seeding, not a thousand.</summary>
public sealed class SingleFlightTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_run_and_a_later_caller_starts_a_new_one()
    {
        var flights = new SingleFlight<long, bool>();
        var release = new TaskCompletionSource();
        var runs = 0;
        async Task<bool> Seed()
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return true;
        }

        var callers = Enumerable.Range(0, 1_000).Select(_ => flights.RunAsync(7, Seed, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), Assert.True);
        Assert.Equal(1, runs);
        Assert.True(await flights.RunAsync(7, Seed, CancellationToken.None));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_run_for_the_others()
    {
        var flights = new SingleFlight<long, bool>();
        var release = new TaskCompletionSource();
        using var impatient = new CancellationTokenSource();
        var gaveUp = flights.RunAsync(7, async () => { await release.Task; return true; }, impatient.Token);
        var patient = flights.RunAsync(7, () => Task.FromResult(false), CancellationToken.None);

        await impatient.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        Assert.True(await patient);
    }
}
