using TicketRush.Rush.History;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// api-1 is killed (SIGKILL) mid-rush while one of its purchases is about to write: after its Redis reservation,
/// holding its distributed lock, or holding its row lock. api-2 alone — the dead server stays down until
/// the end — keeps selling, whatever the dead server held is released or given back, the ticket still sells out
/// exactly, and every answer any buyer saw passes the history checker (C5 reported as a figure: faults were injected).
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class ServerCrashDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 60;

    private const int Buyers = 1_000;

    // Not one of the rush's buyers 1..Buyers: this buyer's purchase on api-1 is the one that dies.
    private const long VictimUser = 5_000;

    /// <summary>The bound: stock a dead server held is sellable again within this.</summary>
    private static readonly TimeSpan HealWithin = TimeSpan.FromSeconds(30);

    public static readonly TheoryData<string> Strategies = new([StrategyNames.RedisCounter, StrategyNames.RedLock, StrategyNames.Pessimistic]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_server_killed_mid_rush_leaks_nothing_and_the_other_server_sells_out_exactly(string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, strategy);
        var history = new PurchaseHistory();
        var targets = RushRunner.Targets(app.Servers);
        var survivor = targets[1];

        // The victim takes what its strategy holds (reservation, lock, row lock) and stalls there, before writing, for
        // longer than the drill lasts; its server is killed once the rush is under way.
        await app.ArmStallAsync(app.Servers[0], VictimUser, TimeSpan.FromSeconds(60));
        var victim = RecordedPurchase.AttemptAsync(history, targets[0], ticket.Id, VictimUser, key: null);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[0], VictimUser);
        var victimServer = TicketRushApp.ProcessOf(app.Servers[0]);
        var killed = false;
        try
        {
            var rushStarted = history.Clock.Now;
            var rushing = RushRunner.RunAsync(targets, ticket, RushRunner.DistinctBuyers(Buyers),
                new RushPlan(Keyed: RushPlan.HalfKeyed, FaultsInjected: true, History: history));
            await KillOnceUnderWayAsync(history, rushStarted, victimServer);
            killed = true;
            var rush = await rushing;
            var died = await victim;
            output.WriteLine(rush.ToString());

            Assert.True(died.Status == RushAttempt.TransportFailure, $"the victim's server died under it: {died}");
            var rushAttempts = history.Operations.Where(o => o.Buyer != VictimUser).ToList();
            Assert.True(died.End > rushStarted && rushAttempts.Any(o => o.End > died.End), $"the kill landed mid-rush: victim {died}, last answer at {rushAttempts.Max(o => o.End)}");
            Assert.True(rushAttempts.Any(o => o.Target == targets[0].Label && o.Status == RushAttempt.TransportFailure),
                "rush requests on the dead server were lost with it");
            Assert.True(rush.DuplicateBuyers == 0 && rush.Sold <= Stock, $"never oversold: {rush}");

            // Buyers on the surviving server take whatever is left, including what the dead server held.
            var healed = await SellRemainingAsync(history, survivor, ticket.Id);
            output.WriteLine($"healed by {survivor.Label} alone within {healed.TotalSeconds:F1} s");

            var after = await Invariants.EventuallyExactAsync(app, ticket.Id, HealWithin, reader: survivor.Client);
            Assert.Equal(0, after.RemainingStock);
            Assert.Equal(Stock, after.OrderCount);

            var verdict = HistoryChecker.Check(history.Operations, after, await survivor.Client.GetAllOrdersAsync(ticket.Id), faultsInjected: true);
            output.WriteLine(verdict.ToString());
            Assert.True(verdict.IsValid, $"history checks: {verdict}");
        }
        finally
        {
            if (killed)
            {
                await app.RestartAfterCrashAsync(TicketRushApp.ServerNames[0]);
            }
        }
    }

    /// <summary>Kills api-1 as soon as a rush answer has come, or 300 ms into the rush when the victim's hold blocks every buyer.</summary>
    private async Task KillOnceUnderWayAsync(PurchaseHistory history, TimeSpan rushStarted, int victimServer)
    {
        while (!history.Operations.Any(o => o.Buyer != VictimUser) && history.Clock.Now - rushStarted < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(5);
        }

        TicketRushApp.Kill(victimServer);
        output.WriteLine($"api-1 killed {(history.Clock.Now - rushStarted).TotalMilliseconds:F0} ms into the rush, {history.Operations.Count} answers in");
    }

    private static async Task<TimeSpan> SellRemainingAsync(PurchaseHistory history, PurchaseTarget survivor, long ticketId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nextUser = 1_000_000L + (ticketId * 1_000);
        while ((await survivor.Client.GetTicketAsync(ticketId)).RemainingStock > 0)
        {
            Assert.True(clock.Elapsed < HealWithin, $"the remaining stock did not become sellable within {HealWithin}");
            var attempt = await RecordedPurchase.AttemptAsync(history, survivor, ticketId, nextUser++, key: null);
            if (attempt.Status != 201)
            {
                await Task.Delay(250);
            }
        }

        return clock.Elapsed;
    }
}
