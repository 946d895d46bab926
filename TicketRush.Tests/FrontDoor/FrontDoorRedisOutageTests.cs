using System.Net;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.FrontDoor;

/// <summary>
/// Redis down, for the front door's two uses of it: a keyed purchase is refused (503), since without the store a retry
/// could buy twice; rate limits fail open, since they protect capacity and the sale stays exact without them.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class FrontDoorRedisOutageTests(TicketRushApp app)
{
    [Fact]
    public async Task Without_Redis_keyed_purchases_are_503_and_limits_let_purchases_through()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100, StrategyNames.Atomic);
        var address = KeyedPurchase.NewClientAddress();

        await app.WhileStoppedAsync("redis", async () =>
        {
            using var keyed = await app.Servers[0].PurchaseAsync(ticket.Id, 70_000_001, KeyedPurchase.NewKey(), address);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, keyed.StatusCode);
            Assert.NotNull(keyed.Headers.RetryAfter);
            Assert.Equal(ProblemCodes.DependencyUnavailable, (await keyed.ReadProblemAsync()).Code);

            // More attempts than the buyer's limit, from a limited client: the limits cannot be counted, so they let them by.
            for (var i = 0; i < TicketRushApp.PerBuyerLimit + 2; i++)
            {
                using var unkeyed = await app.Servers[i % 2].PurchaseAsync(ticket.Id, 70_000_002, key: null, clientAddress: address);
                Assert.Contains(unkeyed.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
                if (unkeyed.StatusCode == HttpStatusCode.Conflict)
                {
                    Assert.Equal(ProblemCodes.AlreadyPurchased, (await unkeyed.ReadProblemAsync()).Code);
                }
            }
        });

        var after = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((99, 1), (after.RemainingStock, after.OrderCount));
    }
}
