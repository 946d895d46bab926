namespace TicketRush.Rush.Soak;

/// <summary>Counts outcomes from many purchase loops at once.</summary>
internal sealed class SoakRequestTally
{
    private readonly int[] _counts = new int[Enum.GetValues<SoakOutcome>().Length];

    public void Add(SoakOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    public SoakRequests ToRequests() => new(
        _counts.Sum(),
        _counts[(int)SoakOutcome.AbortedByClient],
        _counts[(int)SoakOutcome.Created],
        _counts[(int)SoakOutcome.Conflict],
        _counts[(int)SoakOutcome.Unavailable],
        _counts[(int)SoakOutcome.Other]);
}
