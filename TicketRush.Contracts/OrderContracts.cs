namespace TicketRush.Contracts;

public sealed record PurchaseRequest(long? UserId);

public sealed record OrderResponse(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy);

public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Page, int PageSize, int TotalCount);
