using System.Net;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Security;

/// <summary>Nobody can lock a buyer out with their Idempotency-Key: keys are scoped by ticket and buyer, and answers that decide nothing are not kept.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class IdempotencyKeyPoisoningTests(TicketRushApp app)
{
    private static long _nextUser = 71_000_000;

    [Fact]
    public async Task A_keyed_purchase_of_a_nonexistent_ticket_does_not_spoil_the_key_for_a_real_one()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var buyer = Interlocked.Increment(ref _nextUser);
        var key = KeyedPurchase.NewKey();

        using (var missing = await app.Servers[0].PurchaseAsync(999_999_999, buyer, key))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var bought = await app.Servers[1].PurchaseAsync(ticket.Id, buyer, key);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.False(bought.IsReplay());
    }

    [Fact]
    public async Task A_not_found_answer_is_not_stored_for_replay()
    {
        var buyer = Interlocked.Increment(ref _nextUser);
        var key = KeyedPurchase.NewKey();
        using var first = await app.Servers[0].PurchaseAsync(999_999_998, buyer, key);
        using var second = await app.Servers[1].PurchaseAsync(999_999_998, buyer, key);

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.False(second.IsReplay());
    }
}
