namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// When a buyer in line should ask for its status again: the waiting room's polling is the very load it exists to shed,
/// so a buyer far back, whose turn is minutes away, asks every few tens of seconds and one near the front every second.
/// </summary>
/// <remarks>
/// A waiting buyer asks again when its turn can come at the soonest: <c>ahead / admitPerSecond</c> (admission never
/// outruns the rate, so it cannot be missed), within [<see cref="WaitingRoomOptions.MinPollInterval"/>,
/// <see cref="WaitingRoomOptions.MaxPollInterval"/>]. A line of <c>n</c> buyers at rate <c>r</c> then costs about
/// <c>n / max + r · (1 + ln(max / min))</c> status requests a second, instead of <c>n / 0.5 s</c> with a fixed 500 ms poll.
/// An admitted buyer next learns something when the admission lapses; a finished one never needs to ask.
/// </remarks>
internal static class QueuePolling
{
    /// <returns>How long to wait before asking again; null when the status is final.</returns>
    public static TimeSpan? RetryAfter(QueueState state, int admitPerSecond, DateTimeOffset now, WaitingRoomOptions options) => state.Status switch
    {
        QueueStatuses.Waiting => Clamp(TimeSpan.FromSeconds((double)state.Ahead / admitPerSecond), options),
        QueueStatuses.Admitted when state.AdmittedUntil is { } until => Clamp(until - now, options),
        _ => null,
    };

    private static TimeSpan Clamp(TimeSpan delay, WaitingRoomOptions options) =>
        delay < options.MinPollInterval ? options.MinPollInterval
        : delay > options.MaxPollInterval ? options.MaxPollInterval
        : delay;
}
