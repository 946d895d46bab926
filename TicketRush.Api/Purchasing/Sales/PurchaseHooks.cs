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
    /// <param name="blocking">Whether the caller holds a monitor and must not await.</param>
    public async ValueTask BeforeWriteAsync(Purchase purchase, bool afterRead, bool blocking, CancellationToken cancellationToken)
    {
        var raceWindow = faults.RaceWindow ?? _raceWindow;
        if (afterRead && raceWindow > TimeSpan.Zero)
        {
            Activity.Current?.AddEvent(new ActivityEvent("race-window", tags: new ActivityTagsCollection
            {
                ["ticketrush.race_window_ms"] = raceWindow.TotalMilliseconds,
            }));
            if (blocking)
            {
                Thread.Sleep(raceWindow);
            }
            else
            {
                await Task.Delay(raceWindow, time, cancellationToken);
            }
        }

        await faults.BeforeWriteAsync(purchase.UserId, blocking, cancellationToken);
    }

    public void AfterWrite(Purchase purchase, int remaining) => telemetry.RecordRemaining(purchase.TicketId, remaining);
}
