using System.Net;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Purchasing;

/// <summary>
/// <c>redis-counter</c> says <c>already-purchased</c> only on MySQL's word: a buyer whose earlier reservation is still
/// unsettled (its purchase running, or failed where Redis could not hear) is told to ask again, never that they bought.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedisCounterPendingTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 5;
    private static long _nextUser = 70_000_000;

    [Fact]
    public async Task A_retry_while_the_first_purchase_still_runs_is_in_progress_not_already_purchased()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.RedisCounter);
        var buyer = Interlocked.Increment(ref _nextUser);
        await app.ArmStallAsync(app.Servers[1], buyer, TimeSpan.FromSeconds(3));

        var first = app.Servers[1].PurchaseAsync(ticket.Id, buyer);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[1], buyer);
        using (var retry = await app.Servers[0].PurchaseAsync(ticket.Id, buyer))
        {
            Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
            Assert.Equal(ProblemCodes.PurchaseInProgress, (await retry.ReadProblemAsync()).Code);
            Assert.NotNull(retry.Headers.RetryAfter);
        }

        using (var firstAnswer = await first)
        {
            Assert.Equal(HttpStatusCode.Created, firstAnswer.StatusCode);
        }

        // Now MySQL holds the order: that, and only that, is already-purchased.
        using var afterwards = await app.Servers[0].PurchaseAsync(ticket.Id, buyer);
        Assert.Equal(ProblemCodes.AlreadyPurchased, (await afterwards.ReadProblemAsync()).Code);
        Assert.Equal(1, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Fact]
    public async Task A_buyer_whose_reservation_outlived_its_503_is_never_told_already_purchased_and_buys_once_the_lease_ends()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.RedisCounter);
        var buyer = Interlocked.Increment(ref _nextUser);
        // Redis is frozen: the reservation waits in its socket, the purchase gives up on it (503, nothing sold)...
        await app.WhilePausedAsync("redis", async () =>
        {
            using var failed = await app.Servers[1].PurchaseAsync(ticket.Id, buyer);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        });

        // ...and Redis runs it once it thaws: a reservation nobody will settle but its lease.
        using (var thawing = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while ((await app.RedisCounterAsync(ticket.Id)).Reservations == 0)
            {
                await Task.Delay(50, thawing.Token);
            }
        }

        // The buyer retries with one key, as a careful client does, until the reservation's lease ends and it sells.
        var key = KeyedPurchase.NewKey();
        var answers = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            using var retry = await app.Servers[answers.Count % 2].PurchaseAsync(ticket.Id, buyer, key, cancellationToken: patience.Token);
            var problem = await retry.ReadProblemOrNullAsync(patience.Token);
            answers.Add(problem?.Code ?? $"{(int)retry.StatusCode}");
            if (retry.StatusCode == HttpStatusCode.Created)
            {
                break;
            }

            Assert.Equal(ProblemCodes.PurchaseInProgress, problem?.Code);
            Assert.NotNull(retry.Headers.RetryAfter);
            await Task.Delay(TimeSpan.FromSeconds(1), patience.Token);
        }

        output.WriteLine(string.Join(", ", answers.CountBy(a => a).Select(a => $"{a.Key} ×{a.Value}")));
        Assert.DoesNotContain(ProblemCodes.AlreadyPurchased, answers);
        var sold = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((Stock - 1, 1), (sold.RemainingStock, sold.OrderCount));
    }
}
