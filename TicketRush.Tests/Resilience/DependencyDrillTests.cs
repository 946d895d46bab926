using TicketRush.Rush.History;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// MariaDB or Redis stops, or freezes (SIGSTOP: sockets open, nothing answered), in the middle of a steady stream of
/// buyers. Every buyer gets an answer within the purchase deadline (plus commit verification), a 503 always carries
/// Retry-After and says nothing about hosts or exceptions, no sold order is lost, and sales resume afterwards. Every
/// attempt is recorded and the history checker must pass it (C5 counted as a figure: faults were injected).
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class DependencyDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    /// <summary>Purchase deadline (5 s) + commit verification (2 s) + HTTP slack.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(9);

    /// <summary>Longer than a commit's deadline (5 s) plus its verification (2 s): a commit sent into it cannot be settled.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private const string MySql = "mysql";

    // Not a stream buyer (those count up from 10,000,000): the buyer whose commit meets frozen MariaDB.
    private const long CommitProbeUser = 9_000_000;

    public static readonly TheoryData<string, string> Stalls = new()
    {
        { "mysql", StrategyNames.Atomic },
        { "mysql", StrategyNames.RedisCounter },
        { "mysql", StrategyNames.Pessimistic },
        // redlock locks on the lock servers by majority: two of the three are frozen (a list, comma-separated).
        { "redis-lock-1,redis-lock-2", StrategyNames.RedLock },
        { "redis", StrategyNames.RedisCounter },
    };

    [Theory]
    [MemberData(nameof(Stalls))]
    public async Task A_dependency_frozen_mid_rush_costs_answers_in_time_and_no_order(string dependency, string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100_000, strategy);
        var healthDuringOutage = new List<TimeSpan>();
        StreamedPurchase? commitProbe = null;

        var (answers, history) = await DrillAsync(ticket.Id, async stream =>
        {
            // With MariaDB frozen right at a buyer's commit, that commit goes unanswered and cannot be verified either:
            // the one answer left is outcome-unknown, whose truth only the database holds.
            var committing = dependency == MySql ? await StallAtCommitAsync(stream, ticket.Id) : null;
            await app.WhilePausedAsync(dependency.Split(','), async () =>
            {
                var until = DateTime.UtcNow + Outage;
                while (DateTime.UtcNow < until)
                {
                    healthDuringOutage.Add(await TimeHealthAsync(app.Servers[0]));
                    await Task.Delay(500);
                }

                if (committing is not null)
                {
                    var probe = await committing;
                    commitProbe = new StreamedPurchase(probe.Buyer, probe.Status, probe.Code, probe.RetryAfter is not null, probe.Detail, probe.Elapsed, probe.Start);
                }
            });
        });

        Assert.True(healthDuringOutage.Max() < TimeSpan.FromSeconds(1), $"/health answered within 1 s while {dependency} was frozen: slowest {healthDuringOutage.Max()}");
        Assert.Contains(answers, a => a.Status == 503);
        if (dependency == MySql)
        {
            Assert.NotNull(commitProbe);
            Assert.True(commitProbe is { Status: 503, Code: ProblemCodes.OutcomeUnknown }, $"the commit into frozen MariaDB answered 503 {ProblemCodes.OutcomeUnknown}: {commitProbe}");
            answers = [.. answers, commitProbe];
        }

        await AssertDrillAsync(ticket.Id, answers, history);
    }

    /// <summary>
    /// Starts a purchase on api-1 that stalls (injected) right before its commit, and returns once it is in the stall:
    /// MariaDB frozen now receives that commit and, for the whole outage, answers neither it nor its verification.
    /// </summary>
    private async Task<Task<PurchaseOperation>> StallAtCommitAsync(PurchaseStream stream, long ticketId)
    {
        await app.ArmStallAsync(app.Servers[0], CommitProbeUser, TimeSpan.FromSeconds(1));
        var committing = RecordedPurchase.AttemptAsync(stream.History, RushRunner.Targets(app.Servers)[0], ticketId, CommitProbeUser, key: null);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[0], CommitProbeUser);
        return committing;
    }

    [Fact]
    public async Task MariaDB_stopped_and_started_mid_rush_loses_no_order_and_sales_resume()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100_000, StrategyNames.Atomic);

        var (answers, history) = await DrillAsync(ticket.Id, run => app.WhileStoppedAsync("mysql", () => Task.Delay(TimeSpan.FromSeconds(3))));

        Assert.Contains(answers, a => a.Status == 503);
        await AssertDrillAsync(ticket.Id, answers, history);
    }

    /// <summary>Streams buyers for a moment, breaks the dependency, then streams on until sales have resumed for a while.</summary>
    private async Task<(IReadOnlyList<StreamedPurchase> Answers, PurchaseHistory History)> DrillAsync(long ticketId, Func<PurchaseStream, Task> breakIt)
    {
        await using var stream = new PurchaseStream(app.Servers, ticketId, loopsPerServer: 4);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await breakIt(stream);
        var recovered = stream.Now;
        var resumeDeadline = recovered + TimeSpan.FromSeconds(30);
        while (!stream.Answers.Any(a => a.At > recovered && a.Status == 201) && stream.Now < resumeDeadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var answers = await stream.StopAsync();
        Assert.True(answers.Any(a => a.At > recovered && a.Status == 201), "sales resumed after the outage");
        return (answers, stream.History);
    }

    private async Task AssertDrillAsync(long ticketId, IReadOnlyList<StreamedPurchase> answers, PurchaseHistory history)
    {
        foreach (var group in answers.GroupBy(a => (a.Status, a.Code)))
        {
            output.WriteLine($"{group.Key.Status} {group.Key.Code}: {group.Count()}, slowest {group.Max(a => a.Elapsed).TotalSeconds:F2} s");
        }

        Assert.All(answers, a => Assert.True(a.Elapsed < AnswerWithin, $"user {a.UserId} answered within {AnswerWithin}: {a}"));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 201, 503 }));
        Assert.All(answers.Where(a => a.Status == 503), a =>
        {
            Assert.True(a.HasRetryAfter, $"503 with Retry-After: {a}");
            Assert.DoesNotMatch(@"Exception|127\.0\.0\.1|localhost|:\d{2,5}\b", a.Detail ?? "");
        });

        // Dependencies are back: settle leases (a redis-counter reservation of an unknown commit too).
        await Invariants.EventuallyExactAsync(app, ticketId, TimeSpan.FromSeconds(30));

        // An outcome-unknown's truth is in the database. Its buyer asks again and must be told the same: "you already
        // hold it" when the commit had landed, a sale when it had not; the checker then judges the retries with the rest.
        var held = (await app.Servers[0].GetAllOrdersAsync(ticketId)).Select(o => o.UserId).ToHashSet();
        foreach (var unknown in answers.Where(a => a.Code == ProblemCodes.OutcomeUnknown))
        {
            var landed = held.Contains(unknown.UserId);
            var retry = await RecordedPurchase.AttemptAsync(history, RushRunner.Targets(app.Servers)[0], ticketId, unknown.UserId, key: null);
            output.WriteLine($"{ProblemCodes.OutcomeUnknown} for buyer {unknown.UserId}: the commit had {(landed ? "" : "not ")}landed; asked again: {retry}");
            Assert.True(landed ? retry.Code == ProblemCodes.AlreadyPurchased : retry.Status == 201,
                $"buyer {unknown.UserId}, whose commit had {(landed ? "" : "not ")}landed, asked again: {retry}");
        }

        var ticket = await Invariants.AssertExactAsync(app, ticketId);
        var sold = await app.Servers[0].GetAllOrdersAsync(ticketId);
        var checker = HistoryChecker.Check(history.Operations, ticket, sold, faultsInjected: true);
        output.WriteLine(checker.ToString());
        Assert.True(checker.IsValid, $"history checks: {checker}");

        // "Nothing was sold" must be true: each stream buyer asks once, so a dependency-unavailable buyer holds no order.
        var orders = sold.Select(o => o.UserId).ToHashSet();
        Assert.All(answers.Where(a => a.Code == ProblemCodes.DependencyUnavailable), a => Assert.False(orders.Contains(a.UserId), $"told dependency-unavailable, yet holds an order: {a}"));
        Assert.All(answers.Where(a => a.Status == 201), a => Assert.Contains(a.UserId, orders));
        output.WriteLine($"sold {ticket.OrderCount}, remaining {ticket.RemainingStock}");
    }

    private static async Task<TimeSpan> TimeHealthAsync(HttpClient server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var response = await server.GetAsync(ApiRoutes.Health, timeout.Token);
        return clock.Elapsed;
    }
}
