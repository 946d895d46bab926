using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

public sealed record PurchaseRequest(long? UserId);

public sealed record OrderResponse(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy)
{
    public static OrderResponse From(TicketOrder order) =>
        new(order.Id, order.TicketId, order.UserId, order.CreatedAt, order.ServedBy, order.Strategy);
}

/// <param name="Next">The next page (<c>?after=</c> this page's last order), null on the last page.</param>
public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int PageSize, string? Next);
