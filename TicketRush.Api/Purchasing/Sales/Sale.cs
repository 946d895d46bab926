namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// A ticket on sale as purchases see it: its id and the strategy it was created with, which never changes.
/// Remembers when MySQL said it is sold out: under a safe strategy stock only falls, so later buyers are answered
/// without queueing on the ticket's row lock.
/// </summary>
public sealed class Sale(long ticketId, string strategy)
{
    private volatile bool _soldOut;

    public long TicketId { get; } = ticketId;

    public string Strategy { get; } = strategy;

    public bool IsKnownSoldOut => _soldOut;

    public void MarkSoldOut() => _soldOut = true;
}
