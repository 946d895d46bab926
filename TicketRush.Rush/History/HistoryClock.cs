using System.Diagnostics;

namespace TicketRush.Rush.History;

/// <summary>
/// The one monotonic clock every attempt of a history is timed by, so "this answer completed before that request
/// started" compares like with like across buyers, servers and threads.
/// </summary>
public sealed class HistoryClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>Time since the clock was created.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);
}
