using TicketRush.Api.Catalog;

namespace TicketRush.Api.Purchasing;

/// <summary>One purchase in progress: who buys which sale (whose strategy it runs under), and by when it must be decided.</summary>
internal sealed record Purchase(PurchaseCommand Command, Sale Sale, PurchaseDeadline Deadline)
{
    public long TicketId => Command.TicketId;

    public long UserId => Command.UserId;
}
