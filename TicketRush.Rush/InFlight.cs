namespace TicketRush.Rush;

/// <summary>Counts purchase requests in flight and remembers the most at once: an upper bound of what the database saw.</summary>
public sealed class InFlight
{
    private int _now;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _now);
        for (var max = Max; now > max && Interlocked.CompareExchange(ref _max, now, max) != max; max = Max)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(InFlight counter) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref counter._now);
    }
}
