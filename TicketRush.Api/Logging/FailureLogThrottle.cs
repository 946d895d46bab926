using System.Collections.Concurrent;

namespace TicketRush.Api.Logging;

/// <summary>
/// At most one detailed log entry per kind of failure per interval; the others are counted and the count goes with
/// the next entry. In an outage every purchase fails the same way, and a warning with a stack trace for each of a
/// thousand purchases a second buries the log (and costs the CPU the recovery needs). Metrics still count every one.
/// </summary>
internal sealed class FailureLogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    /// <summary>Whether to log this failure of <paramref name="kind"/> in full.</summary>
    /// <param name="suppressed">When true: how many of its kind went unlogged since the last entry.</param>
    public bool ShouldLog(string kind, out int suppressed)
    {
        var window = _windows.GetOrAdd(kind, _ => new Window());
        var now = time.GetTimestamp();
        lock (window)
        {
            if (window.LoggedAt is { } last && time.GetElapsedTime(last, now) < interval)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LoggedAt = now;
            return true;
        }
    }

    private sealed class Window
    {
        public long? LoggedAt { get; set; }

        public int Suppressed { get; set; }
    }
}
