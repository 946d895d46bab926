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
public sealed class TicketTransactionGate
{
    private const int Stripes = 256;

    private readonly LockStripes<FifoGate>? _gates;

    public TicketTransactionGate(IOptions<PurchaseOptions> options)
    {
        var bound = options.Value.TransactionsInFlightPerTicket;
        _gates = bound > 0 ? new LockStripes<FifoGate>(Stripes, () => new FifoGate(bound)) : null;
    }

    /// <summary>Waits for a place among the ticket's transactions in flight; dispose the result to give it up.</summary>
    /// <exception cref="OperationCanceledException">The deadline passed while waiting: nothing was started.</exception>
    public async ValueTask<Place> EnterAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (_gates is null)
        {
            return default;
        }

        var gate = _gates.For(ticketId);
        await gate.EnterAsync(cancellationToken);
        return new Place(gate);
    }

    /// <summary>A place among a ticket's transactions in flight, held until disposed.</summary>
    public readonly struct Place(FifoGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Exit();
    }
}
