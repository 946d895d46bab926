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

    private const int GatewayBuyers = 600;

    // The first of the keyed buyers tried until one stalls on api-1 behind the gateway.
    private const long KeyedVictimUser = 6_000;

    /// <summary>
    /// Keyed buyers follow every unknown answer to its result: past the dead server's key claim (its lease) and, for
    /// <c>redis-counter</c>, past its reservation's lease, which the survivor settles.
    /// </summary>
    private static readonly RetryPolicy FollowToResult = new(MaxRetries: 60, Delay: TimeSpan.FromMilliseconds(250), MaxDelay: TimeSpan.FromSeconds(2));

    /// <summary>The issue's bound: stock a dead server held is sellable again within this.</summary>
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
                new RushPlan(Keyed: RushPlan.HalfKeyed, Retry: FollowToResult, FaultsInjected: true, History: history));
            await KillOnceUnderWayAsync(history, rushStarted, victimServer, Buyers);
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
            AssertEveryKeyFollowedToItsResult(history);

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

    /// <summary>
    /// The same crash behind the gateway, which may send a request that failed on api-1 to api-2 only when that cannot buy
    /// twice. So an unkeyed purchase in flight on api-1 is lost with it (502, never resent), and a keyed purchase spanning
    /// the kill (stalled on api-1, holding what its strategy holds) is resent under its key, told
    /// <c>idempotency-in-progress</c> while the dead server's claim lasts, and, followed to its result, ends in its 201.
    /// A gateway that resent every POST, or a key whose claim never let go, fails this.
    /// </summary>
    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_server_killed_behind_the_gateway_loses_unkeyed_requests_in_flight_and_a_keyed_one_spanning_the_kill_ends_in_its_sale(string strategy)
    {
        // Stock for every buyer: a keyed buyer spanning the kill must be able to end in its 201, not in sold-out.
        var ticket = await app.Servers[0].CreateTicketAsync(GatewayBuyers + 20, strategy);
        var history = new PurchaseHistory();
        var gateway = new PurchaseTarget(TicketRushApp.GatewayName, app.Gateway);
        var (victimUser, victim) = await StallKeyedBuyerOnFirstServerAsync(history, gateway, ticket.Id);
        var victimServer = TicketRushApp.ProcessOf(app.Servers[0]);
        var killed = false;
        try
        {
            var rushStarted = history.Clock.Now;
            var rushing = RushRunner.RunAsync([gateway], ticket, RushRunner.DistinctBuyers(GatewayBuyers),
                new RushPlan(Keyed: RushPlan.HalfKeyed, Retry: FollowToResult, FaultsInjected: true, History: history));
            var killedAt = await KillOnceUnderWayAsync(history, rushStarted, victimServer, GatewayBuyers);
            killed = true;
            var rush = await rushing;
            var spanning = await victim;
            output.WriteLine(rush.ToString());
            output.WriteLine($"keyed buyer {victimUser} spanning the kill:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", spanning)}");

            Assert.True(spanning[0].Start < killedAt && spanning[0].End > killedAt, $"the keyed attempt spanned the kill at {killedAt}: {spanning[0]}");
            Assert.True(spanning[^1].Status == 201 && spanning[^1].OrderId is not null, $"the keyed buyer spanning the kill ended in its 201: {spanning[^1]}");
            Assert.Contains(spanning, a => a.Code == ProblemCodes.IdempotencyInProgress && a.RetryAfter is not null);
            Assert.True(history.Operations.Any(o => o.Key is null && o.Buyer <= GatewayBuyers && o.Status == 502 && o.Code == "bad-gateway"),
                "an unkeyed purchase in flight on the dead server was lost with it (502), not sent again");
            AssertEveryKeyFollowedToItsResult(history);

            var healed = await SellRemainingAsync(history, gateway, ticket.Id);
            output.WriteLine($"healed through the gateway (api-2 alone) within {healed.TotalSeconds:F1} s");
            var after = await Invariants.EventuallyExactAsync(app, ticket.Id, HealWithin, reader: app.Servers[1]);
            Assert.Equal(0, after.RemainingStock);

            var verdict = HistoryChecker.Check(history.Operations, after, await app.Servers[1].GetAllOrdersAsync(ticket.Id), faultsInjected: true);
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

    /// <summary>Every key's last attempt is a definite answer: each idempotency-in-progress and lost request was followed to its result.</summary>
    private static void AssertEveryKeyFollowedToItsResult(PurchaseHistory history)
    {
        var unsettled = history.Operations.Where(o => o.Key is not null).GroupBy(o => o.Key)
            .Select(g => g.MaxBy(o => o.Start)!).Where(last => !last.IsDefinite).ToList();
        Assert.True(unsettled.Count == 0, $"every keyed buyer was followed to a definite answer: {string.Join("; ", unsettled.Take(5))}");
    }

    /// <summary>
    /// Sends keyed buyers through the gateway, each with a stall armed on api-1 only, until one lands on api-1 and stalls
    /// there (round robin sends it to either server; on api-2 nothing is armed and it simply buys). Returns that buyer and
    /// its purchase, which follows every unknown answer to its result.
    /// </summary>
    private async Task<(long Buyer, Task<IReadOnlyList<PurchaseOperation>> Purchase)> StallKeyedBuyerOnFirstServerAsync(
        PurchaseHistory history, PurchaseTarget gateway, long ticketId)
    {
        await app.WaitUntilGatewayRoutesToAsync(TicketRushApp.ServerNames[0]);
        for (var buyer = KeyedVictimUser; buyer < KeyedVictimUser + 10; buyer++)
        {
            await app.ArmStallAsync(app.Servers[0], buyer, TimeSpan.FromSeconds(60));
            var purchase = RecordedPurchase.BuyAsync(history, [gateway], 0, ticketId, buyer, RushRunner.NewKey(), FollowToResult);
            while (!purchase.IsCompleted)
            {
                if (await TicketRushApp.IsStallingAsync(app.Servers[0], buyer))
                {
                    return (buyer, purchase);
                }

                await Task.Delay(20);
            }

            await purchase;
        }

        throw new InvalidOperationException("No keyed buyer sent through the gateway reached api-1 in ten tries.");
    }

    /// <summary>
    /// Kills api-1 as soon as an answer to one of the rush's buyers (1..<paramref name="rushBuyers"/>) has come, or 300 ms
    /// into the rush when a victim's hold blocks every buyer; returns when, on the history's clock.
    /// </summary>
    private async Task<TimeSpan> KillOnceUnderWayAsync(PurchaseHistory history, TimeSpan rushStarted, int victimServer, int rushBuyers)
    {
        while (!history.Operations.Any(o => o.Buyer <= rushBuyers) && history.Clock.Now - rushStarted < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(5);
        }

        TicketRushApp.Kill(victimServer);
        var killedAt = history.Clock.Now;
        output.WriteLine($"api-1 killed {(killedAt - rushStarted).TotalMilliseconds:F0} ms into the rush, {history.Operations.Count} answers in");
        return killedAt;
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
