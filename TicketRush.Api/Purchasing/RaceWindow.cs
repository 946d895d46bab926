using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace TicketRush.Api.Purchasing;

/// <summary>The configurable pause between read and write (<see cref="PurchaseOptions.RaceWindow"/>), marked on the purchase span.</summary>
public sealed class RaceWindow(IOptions<PurchaseOptions> options, TimeProvider time)
{
    private readonly TimeSpan _window = options.Value.RaceWindow;

    public async Task PauseAsync(CancellationToken cancellationToken)
    {
        if (_window <= TimeSpan.Zero)
        {
            return;
        }

        Mark();
        await Task.Delay(_window, time, cancellationToken);
    }

    /// <summary>The blocking twin, for strategies that hold a monitor and so cannot await.</summary>
    public void Pause()
    {
        if (_window <= TimeSpan.Zero)
        {
            return;
        }

        Mark();
        Thread.Sleep(_window);
    }

    private void Mark() =>
        Activity.Current?.AddEvent(new ActivityEvent("race-window", tags: new ActivityTagsCollection
        {
            ["ticketrush.race_window_ms"] = _window.TotalMilliseconds,
        }));
}
