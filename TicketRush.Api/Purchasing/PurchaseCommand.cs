namespace TicketRush.Api.Purchasing;

/// <summary>One buyer asking for one ticket.</summary>
internal sealed record PurchaseCommand(long TicketId, long UserId);
