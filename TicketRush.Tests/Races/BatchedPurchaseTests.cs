using System.Net;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Races;

/// <summary>
/// The <c>batched</c> strategy against both real servers and MariaDB: each server sells a ticket's concurrent buyers
/// in one transaction per batch, and two servers' batches meet on the ticket's row lock.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class BatchedPurchaseTests(TicketRushApp app, ITestOutputHelper output)
{
    private const string Strategy = StrategyNames.Batched;
    private const int Stock = 100;

    [Fact]
    public async Task Two_servers_sell_exactly_the_stock_to_1000_buyers_in_batches()
    {
        var verdict = await RushAsync(RushRunner.DistinctBuyers(1_000));

        Assert.True(verdict.Sold == Stock, $"sold == stock: {verdict}");
        Assert.True(verdict.Created == Stock, $"{Stock} × 201: {verdict}");
        Assert.True(verdict.Count(409, ProblemCodes.SoldOut) == 1_000 - Stock, $"900 × 409 sold-out: {verdict}");
        Assert.True(verdict.ServerErrors == 0, $"no 5xx: {verdict}");
        Assert.True(verdict.DuplicateBuyers == 0, $"no user twice: {verdict}");
        // Which server sells is a race: one server's first batch may take the whole stock, so only exactness is asserted.
        // A batch's orders share its server and its creation time: fewer groups than orders means buyers were sold together.
        var batches = verdict.Orders.GroupBy(o => (o.ServedBy, o.CreatedAt)).Select(g => g.Count()).ToList();
        output.WriteLine($"{batches.Count} batches sold; sizes {string.Join(", ", batches.OrderDescending())}");
        Assert.True(batches.Count < Stock, $"the orders were sold in batches: {batches.Count} batches for {Stock} orders");
    }

    [Theory]
    [InlineData(20)] // each user's 20 attempts all go to one server: repeats meet inside one batch
    [InlineData(21)] // each user's attempts alternate between the servers: repeats meet on the row lock
    public async Task A_repeat_buyer_never_gets_two_orders(int users)
    {
        const int attempts = 20;

        var verdict = await RushAsync(RushRunner.RepeatBuyers(users, attempts));

        Assert.True(verdict.DuplicateBuyers == 0, $"no user twice: {verdict}");
        Assert.Equal(users, verdict.Sold);
        Assert.Equal(users, verdict.Created);
        Assert.Equal(Stock - users, verdict.Remaining);
        Assert.Equal(users * (attempts - 1), verdict.Count(409, ProblemCodes.AlreadyPurchased));
        Assert.Equal(0, verdict.ServerErrors);
    }

    [Fact]
    public async Task A_buyer_who_already_holds_an_order_gets_already_purchased_inside_a_batch_and_the_others_still_fit()
    {
        const long holder = 5;
        const int buyers = 300;
        // More stock than buyers: the sale never sells out, so the holder's request always reaches a batch (a sold-out
        // sale refuses every later buyer from memory, holders included, before any batch).
        const int stock = 1_000;
        var ticket = await app.Servers[0].CreateTicketAsync(stock, Strategy);
        using (var first = await app.Servers[0].PurchaseAsync(ticket.Id, holder))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = Assert.Single(await app.Servers[0].GetAllOrdersAsync(ticket.Id));
        var verdict = await RushRunner.RunAsync([.. app.Servers], ticket, RushRunner.DistinctBuyers(buyers));
        output.WriteLine(verdict.ToString());

        var holderAttempt = Assert.Single(verdict.Attempts, a => a.UserId == holder);
        Assert.Equal((409, ProblemCodes.AlreadyPurchased), (holderAttempt.Status, holderAttempt.Code));
        Assert.Equal(before, Assert.Single(verdict.Orders, o => o.UserId == holder));
        Assert.True(verdict.Created == buyers - 1, $"every other buyer bought in the rush: {verdict}");
        Assert.True(verdict.ServerErrors == 0, $"no 5xx: {verdict}");
        var after = await Invariants.AssertExactAsync(app, ticket.Id);
        Assert.Equal((stock - buyers, buyers), (after.RemainingStock, after.OrderCount));
    }

    private async Task<RushVerdict> RushAsync(IReadOnlyList<long> buyers)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, Strategy);
        var verdict = await RushRunner.RunAsync([.. app.Servers], ticket, buyers);
        output.WriteLine(verdict.ToString());
        await Invariants.AssertExactAsync(app, ticket.Id);
        return verdict;
    }
}
