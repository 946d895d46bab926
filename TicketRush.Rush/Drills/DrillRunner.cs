using System.Diagnostics;
using TicketRush.Rush.History;

namespace TicketRush.Rush.Drills;

/// <summary>
/// A rush through every target while a <see cref="DrillFault"/> hits mid-rush; then sales on the targets still
/// answering until the stock is gone (healing: leases and locks of a dead server run out), and the history checker's
/// verdict over every attempt, healing included.
/// </summary>
public static class DrillRunner
{
    /// <summary>How long the survivors may take to sell what is left, e.g. a dead server's reservation once its lease ends.</summary>
    public static readonly TimeSpan HealWithin = TimeSpan.FromSeconds(60);

    public static async Task<DrillResult> RunAsync(
        IReadOnlyList<PurchaseTarget> targets, string adminKey, string strategy, int stock, int buyers, DrillFault fault, TimeSpan faultAfter,
        Func<long, bool>? keyed, Action<string> log, CancellationToken cancellationToken = default)
    {
        if (targets.FirstOrDefault(t => t.Client.BaseAddress is not { IsLoopback: true }) is { } remote)
        {
            throw new ArgumentException($"A drill kills and freezes local processes: {remote.Label} ({remote.Client.BaseAddress}) is not on loopback.");
        }

        var ticket = await targets[0].Client.CreateTicketAsync(adminKey, stock, strategy, $"drill {strategy}", cancellationToken);
        var history = new PurchaseHistory();
        var rushing = RushRunner.RunAsync(targets, ticket, RushRunner.DistinctBuyers(buyers),
            new RushPlan(Keyed: keyed, FaultsInjected: true, History: history), cancellationToken);
        await Task.Delay(faultAfter, cancellationToken);
        log($"{history.Operations.Count} answers in after {faultAfter.TotalMilliseconds:F0} ms: {fault}");
        var breaking = fault.ApplyAsync(cancellationToken);
        var rush = await rushing;
        await breaking;

        var healedIn = await SellRemainingAsync(history, targets, ticket.Id, buyers, cancellationToken);
        log(healedIn is { } healed ? $"the rest sold within {healed.TotalSeconds:F1} s of the rush" : $"stock still left after {HealWithin.TotalSeconds:F0} s");
        var (after, orders) = await RushRunner.ReadBackAsync([.. targets.Select(t => t.Client)], ticket.Id, cancellationToken);
        return new DrillResult(rush, HistoryChecker.Check(history.Operations, after, orders, faultsInjected: true), after, healedIn);
    }

    /// <summary>New buyers, one at a time on each target in turn, until nothing is left or <see cref="HealWithin"/> passes.</summary>
    private static async Task<TimeSpan?> SellRemainingAsync(PurchaseHistory history, IReadOnlyList<PurchaseTarget> targets, long ticketId, int buyers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var nextBuyer = (long)buyers + 1;
        for (var turn = 0; clock.Elapsed < HealWithin; turn++)
        {
            var target = targets[turn % targets.Count];
            TicketResponse ticket;
            try
            {
                ticket = await target.Client.GetTicketAsync(ticketId, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // This target is down (the drill killed it): the next one is asked.
                await Task.Delay(50, cancellationToken);
                continue;
            }

            if (ticket.RemainingStock == 0)
            {
                return clock.Elapsed;
            }

            var attempt = await RecordedPurchase.AttemptAsync(history, target, ticketId, nextBuyer++, key: null, cancellationToken: cancellationToken);
            if (attempt.Status != 201)
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        return null;
    }
}
