using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Purchasing;

/// <summary>After Redis lost a <c>redis-counter</c> ticket's state, a rush on both servers re-seeds it from MySQL and the sale stays exact.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedisCounterReseedTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 40;
    private const int EarlyBuyers = 5;

    [Fact]
    public async Task A_rush_on_a_lost_counter_re_seeds_it_and_never_sells_twice_or_to_an_earlier_buyer()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.RedisCounter);
        for (var buyer = 1; buyer <= EarlyBuyers; buyer++)
        {
            (await app.Servers[buyer % 2].PurchaseAsync(ticket.Id, buyer)).Dispose();
        }

        await using (var redis = await app.ConnectRedisAsync())
        {
            await redis.GetDatabase().KeyDeleteAsync([.. new[] { RedisKeys.Stock(ticket.Id), RedisKeys.Holders(ticket.Id), RedisKeys.Leases(ticket.Id) }.Select(key => (StackExchange.Redis.RedisKey)key)]);
        }

        // Buyers 1..5 bought before the loss; all 100 arrive at once on both servers, finding the counter gone.
        var verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(100));
        output.WriteLine(verdict.ToString());

        Assert.Equal(0, verdict.DuplicateBuyers);
        Assert.Equal(0, verdict.Oversold);
        Assert.Equal(0, verdict.LostUpdates);
        Assert.DoesNotContain(verdict.Attempts, a => a.UserId <= EarlyBuyers && a.Status == 201);
        Assert.Equal(verdict.Sold - EarlyBuyers, verdict.Created);
        Assert.All(verdict.Attempts.Where(a => a.Status >= 500), a => Assert.Equal(ProblemCodes.DependencyUnavailable, a.Code));
        Assert.Equal(Stock - verdict.Sold, (await app.RedisCounterAsync(ticket.Id)).Stock);
    }
}
