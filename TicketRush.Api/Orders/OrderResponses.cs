using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

internal static class OrderResponses
{
    public static OrderResponse ToResponse(this TicketOrder order) =>
        new(order.Id, order.TicketId, order.UserId, order.CreatedAt, order.ServedBy, order.Strategy);
}
