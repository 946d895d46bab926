namespace TicketRush.Bench;

/// <summary>Buyer ids unique across everything one run does, so no operation is refused as a repeat buyer by accident.</summary>
internal sealed class UserIds
{
    private long _last;

    public UserIds(long first = 1) => _last = first - 1;

    public long Next() => Interlocked.Increment(ref _last);
}
