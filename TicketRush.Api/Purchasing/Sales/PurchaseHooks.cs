using System.Diagnostics;
using Microsoft.Extensions.Options;
using TicketRush.Api.Faults;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// The one seam every strategy's writes pass through: the lab's race window, injected faults and the
/// remaining-stock gauge reach all strategies here, because every sale ends in a <see cref="SaleTransaction"/> write step.
/// </summary>
internal sealed class PurchaseHooks(FaultInjector faults, PurchaseTelemetry telemetry, IOptions<PurchaseOptions> options, TimeProvider time)
{
    private readonly TimeSpan _raceWindow = options.Value.RaceWindow;

    /// <param name="afterRead">Whether the stock was read first: only then is there a read–write window to widen.</param>
    public async ValueTask BeforeWriteAsync(Purchase purchase, bool afterRead, CancellationToken cancellationToken)
    {
        if (RaceWindow(afterRead) is { } window)
        {
            await Task.Delay(window, time, cancellationToken);
        }

        await faults.BeforeWriteAsync(purchase.UserId, cancellationToken);
    }

    /// <summary>
    /// <see cref="BeforeWriteAsync"/> for the <c>lock</c> strategy's blocking path, on its own threads: it holds a monitor
    /// and must not await, so the race window and any injected stall block its thread.
    /// </summary>
    public void BeforeBlockingWrite(Purchase purchase)
    {
        if (RaceWindow(afterRead: true) is { } window)
        {
            Thread.Sleep(window);
        }

        faults.BeforeBlockingWrite(purchase.UserId);
    }

    /// <summary>The pause to widen the read–write window by, recorded on the span; null when there is none.</summary>
    private TimeSpan? RaceWindow(bool afterRead)
    {
        var raceWindow = faults.RaceWindow ?? _raceWindow;
        if (!afterRead || raceWindow <= TimeSpan.Zero)
        {
            return null;
        }

        Activity.Current?.AddEvent(new ActivityEvent("race-window", tags: new ActivityTagsCollection
        {
            ["ticketrush.race_window_ms"] = raceWindow.TotalMilliseconds,
        }));
        return raceWindow;
    }

    public void AfterWrite(Purchase purchase, int remaining) => telemetry.RecordRemaining(purchase.TicketId, remaining);
}
