namespace TicketRush.Api.Purchasing;

/// <summary>One buyer asking for one ticket.</summary>
public sealed record PurchaseCommand(long TicketId, long UserId);
