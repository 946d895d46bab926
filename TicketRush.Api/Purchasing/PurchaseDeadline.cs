namespace TicketRush.Api.Purchasing;

/// <summary>
/// The time one purchase has. Asynchronous steps observe <see cref="Token"/>; blocking ones (the <c>lock</c> strategy)
/// turn <see cref="Remaining"/> into lock-wait and command timeouts.
/// </summary>
internal sealed class PurchaseDeadline : IDisposable
{
    private readonly CancellationTokenSource _expiry;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly TimeSpan _budget;

    public PurchaseDeadline(TimeSpan budget, TimeProvider time)
    {
        _time = time;
        _budget = budget;
        _started = time.GetTimestamp();
        _expiry = new CancellationTokenSource(budget, time);
    }

    public CancellationToken Token => _expiry.Token;

    public bool HasPassed => _expiry.IsCancellationRequested || Remaining <= TimeSpan.Zero;

    public TimeSpan Remaining
    {
        get
        {
            var left = _budget - _time.GetElapsedTime(_started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Whole seconds for MySQL command timeouts, which count in seconds: rounded down, so a command ends by the deadline; at least one.</summary>
    public int RemainingSeconds => Math.Max(1, (int)Remaining.TotalSeconds);

    public void Dispose() => _expiry.Dispose();
}
