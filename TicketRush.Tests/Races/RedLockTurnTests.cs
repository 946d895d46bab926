using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Races;

/// <summary>
/// Both servers keep buying one <c>redlock</c> ticket. A server keeps the lock for a run of its own buyers, so unless it
/// hands the lock over when the other server asks for it, the other server starves: before the servers told each
/// other, one sold nothing for 10 s and its buyers got 503s.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedLockTurnTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Both_servers_sell_while_both_contend_for_one_tickets_lock()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100_000, StrategyNames.RedLock);
        IReadOnlyList<StreamedPurchase> first, second;
        await using (var streamOne = new PurchaseStream([app.Servers[0]], ticket.Id, loopsPerServer: 8))
        await using (var streamTwo = new PurchaseStream([app.Servers[1]], ticket.Id, loopsPerServer: 8))
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            (first, second) = (await streamOne.StopAsync(), await streamTwo.StopAsync());
        }

        var (soldOne, soldTwo) = (first.Count(a => a.Status == 201), second.Count(a => a.Status == 201));
        output.WriteLine($"api-1 sold {soldOne} of {first.Count}, api-2 sold {soldTwo} of {second.Count}");
        Assert.All(first.Concat(second), answer => Assert.Equal(201, answer.Status));
        Assert.True(Math.Min(soldOne, soldTwo) >= (soldOne + soldTwo) / 5, $"each server sold at least a fifth: {soldOne} and {soldTwo}");
        await Invariants.AssertExactAsync(app, ticket.Id);
    }
}
