using Microsoft.Extensions.Options;

namespace TicketRush.Api.Purchasing;

/// <summary>
/// Bounds how many purchase transactions of one ticket run at once on this server
/// (<see cref="PurchaseOptions.TransactionsInFlightPerTicket"/>); the other buyers wait here, in memory and in arrival
/// order, within their deadline. Every transaction of a ticket queues on its one row: past a few in flight, more of them
/// at once only add lock waits and context switches on MySQL, so fewer in flight sell faster (measured in
/// docs/performance.md).
/// </summary>
/// <remarks>
/// Tickets share gates by id (<see cref="LockStripes{TLock}"/>), so memory stays bounded whatever ids clients send; two
/// tickets of one stripe share one bound, which costs throughput, never correctness.
/// </remarks>
internal sealed class TicketTransactionGate
{
    private const int Stripes = 256;

    private readonly LockStripes<FifoGate>? _gates;

    private readonly PurchaseTelemetry _telemetry;

    public TicketTransactionGate(IOptions<PurchaseOptions> options, PurchaseTelemetry telemetry)
    {
        _telemetry = telemetry;
        var bound = options.Value.TransactionsInFlightPerTicket;
        _gates = bound > 0 ? new LockStripes<FifoGate>(Stripes, () => new FifoGate(bound)) : null;
    }

    /// <summary>
    /// Waits for a place among the ticket's transactions in flight (timed as the strategy's lock wait); dispose the
    /// result to give it up. The sale may have sold out meanwhile: the caller checks <c>Sale.IsKnownSoldOut</c> next.
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// The deadline passed while waiting: the buyer never reached MySQL, and the purchase answers 503 with nothing sold.
    /// </exception>
    public async ValueTask<Place> EnterAsync(Purchase purchase, string strategy, CancellationToken cancellationToken)
    {
        if (_gates is null)
        {
            return default;
        }

        var gate = _gates.For(purchase.TicketId);
        var wait = _telemetry.StartLockWait(strategy);
        try
        {
            await gate.EnterAsync(cancellationToken);
        }
        finally
        {
            wait.End();
        }

        return new Place(gate);
    }

    /// <summary>A place among a ticket's transactions in flight, held until disposed.</summary>
    public readonly struct Place(FifoGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Exit();
    }
}
