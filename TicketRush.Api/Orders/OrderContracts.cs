using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

public sealed record PurchaseRequest(long? UserId);

public sealed record OrderResponse(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy)
{
    public static OrderResponse From(TicketOrder order) =>
        new(order.Id, order.TicketId, order.UserId, order.CreatedAt, order.ServedBy, order.Strategy);
}

public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Page, int PageSize, int TotalCount);
