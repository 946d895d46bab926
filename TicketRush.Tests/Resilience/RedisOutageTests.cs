using System.Net;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Resilience;

/// <summary>Redis goes down: the strategies that need it answer 503 with Retry-After and sell nothing; when it is back they sell again.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedisOutageTests(TicketRushApp app)
{
    [Fact]
    public async Task Without_Redis_the_Redis_strategies_answer_503_and_sell_nothing_then_recover()
    {
        // A ticket carries its strategy, so each Redis strategy gets its own ticket; user 1 buys each before the outage.
        var tickets = new Dictionary<string, TicketResponse>();
        foreach (var strategy in new[] { StrategyNames.RedLock, StrategyNames.RedisCounter })
        {
            tickets[strategy] = await app.Servers[0].CreateTicketAsync(5, strategy);
            (await app.Servers[0].PurchaseAsync(tickets[strategy].Id, 1)).Dispose();
        }

        // redlock's lock lives on the lock servers: every Redis goes, and comes back empty (the main one first, which
        // the servers' health waits for).
        await app.WhileStoppedAsync([.. TicketRushApp.LockServerNames, "redis"], async () =>
        {
            foreach (var ticket in tickets.Values)
            {
                using var response = await app.Servers[1].PurchaseAsync(ticket.Id, 2);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal(ProblemCodes.DependencyUnavailable, (await response.ReadProblemAsync()).Code);

                var during = await app.Servers[0].GetTicketAsync(ticket.Id);
                Assert.Equal((4, 1), (during.RemainingStock, during.OrderCount));
            }
        });

        // Redis came back empty: the counter is re-seeded from MySQL, which remembers user 1's purchase.
        using (var again = await app.Servers[0].PurchaseAsync(tickets[StrategyNames.RedisCounter].Id, 1))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        foreach (var ticket in tickets.Values)
        {
            using var response = await app.Servers[1].PurchaseAsync(ticket.Id, 2);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

            var after = await app.Servers[0].GetTicketAsync(ticket.Id);
            Assert.Equal((3, 2), (after.RemainingStock, after.OrderCount));
        }
    }

    [Fact]
    public async Task A_redis_counter_sale_that_MySQL_says_is_over_is_answered_from_memory_without_Redis()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.RedisCounter);
        (await app.Servers[0].PurchaseAsync(ticket.Id, 1)).Dispose();

        // Redis turns these buyers away; each server then asks MySQL once in the background, which says none is left.
        for (var round = 0; round < 3; round++)
        {
            foreach (var server in app.Servers)
            {
                using var turnedAway = await server.PurchaseAsync(ticket.Id, 2);
                Assert.Equal(HttpStatusCode.Conflict, turnedAway.StatusCode);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }

        await app.WhileStoppedAsync("redis", async () =>
        {
            foreach (var server in app.Servers)
            {
                using var response = await server.PurchaseAsync(ticket.Id, 3);

                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal(ProblemCodes.SoldOut, (await response.ReadProblemAsync()).Code);
            }
        });
    }
}
