using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>
/// The rush runner's waiting-room mode against both servers: buyers join in a known order, then all wait and buy.
/// The first <c>stock</c> in line get the tickets, and purchases in flight never exceed what admission allows.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class WaitingRoomRushTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Through_a_waiting_room_the_first_in_line_buy_and_the_database_sees_at_most_the_stock_at_once()
    {
        const int stock = 30;
        var buyers = RushRunner.DistinctBuyers(300).Select(b => b + 95_000_000).ToList();

        var verdict = await WaitingRoomRunner.RunAsync(app.Servers, TicketRushApp.AdminKey, StrategyNames.Atomic, stock, buyers, new WaitingRoomRequest(AdmitPerSecond: 100));
        output.WriteLine(verdict.ToString());

        Assert.True(verdict.IsExact, verdict.ToString());
        Assert.Equal(stock, verdict.Sold);
        Assert.Equal(0, verdict.Fairness.WinnersOutOfLine);
        Assert.Equal(1.0, verdict.Fairness.FirstInLineServed);
        Assert.InRange(verdict.MaxInFlight, 1, stock);
        Assert.Equal(buyers.Count - stock, verdict.Count(409, "line-sold-out"));
    }
}
