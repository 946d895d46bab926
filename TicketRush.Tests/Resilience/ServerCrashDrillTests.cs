using System.Net;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// api-1 dies mid-rush (FailFast, as a SIGKILL would) right when a purchase is about to write: after its Redis
/// reservation, holding its distributed lock, or holding its row lock. api-2 keeps selling, whatever the dead server
/// held is released or given back, and the ticket still sells out exactly.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class ServerCrashDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 60;
    private const int Buyers = 300;

    // Not one of the rush's buyers 1..Buyers: this buyer's purchase on api-1 is the one that dies.
    private const long VictimUser = 5_000;

    /// <summary>The bound: stock a dead server held is sellable again within this.</summary>
    private static readonly TimeSpan HealWithin = TimeSpan.FromSeconds(30);

    public static readonly TheoryData<string> Strategies = new(["redis-counter", "redlock", "pessimistic"]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_server_killed_mid_rush_leaks_nothing_and_the_other_server_sells_out_exactly(string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, strategy);

        // The victim takes what its strategy holds (reservation, lock, row lock), pauses for a second so the rush is
        // under way, then its server dies before writing.
        await app.ArmStallAsync(app.Servers[0], VictimUser, TimeSpan.FromSeconds(1));
        await app.ArmCrashAsync(app.Servers[0], VictimUser);
        var victim = app.Servers[0].PurchaseAsync(ticket.Id, VictimUser);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[0], VictimUser);

        RushVerdict rush;
        try
        {
            rush = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(Buyers));
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => victim);
        }
        finally
        {
            await app.RestartAfterCrashAsync(TicketRushApp.ServerNames[0]);
        }

        output.WriteLine(rush.ToString());

        Assert.True(rush.DuplicateBuyers == 0 && rush.Sold <= Stock, $"never oversold: {rush}");

        // Buyers on the surviving server take whatever is left, including what the dead server held.
        var healed = await SellRemainingAsync(ticket.Id);
        output.WriteLine($"healed within {healed.TotalSeconds:F1} s");

        var after = await Invariants.EventuallyExactAsync(app, ticket.Id, HealWithin);
        Assert.Equal(0, after.RemainingStock);
        Assert.Equal(Stock, after.OrderCount);
    }

    private async Task<TimeSpan> SellRemainingAsync(long ticketId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nextUser = 1_000_000L + (ticketId * 1_000);
        while ((await app.Servers[1].GetTicketAsync(ticketId)).RemainingStock > 0)
        {
            Assert.True(clock.Elapsed < HealWithin, $"the remaining stock did not become sellable within {HealWithin}");
            using var response = await app.Servers[1].PurchaseAsync(ticketId, nextUser++);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await Task.Delay(250);
            }
        }

        return clock.Elapsed;
    }
}
