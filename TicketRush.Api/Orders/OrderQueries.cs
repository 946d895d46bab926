using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

/// <remarks>Queries take no request token, for the reason given on <see cref="Tickets.TicketService"/>.</remarks>
internal sealed class OrderQueries(IDbContextFactory<TicketRushDbContext> contexts)
{
    /// <summary>One page of a ticket's orders, oldest first; null when the ticket does not exist. A page past the end is empty.</summary>
    public async Task<OrderPage?> ListAsync(long ticketId, int page, int pageSize)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (!await db.Tickets.AnyAsync(t => t.Id == ticketId))
        {
            return null;
        }

        var orders = db.TicketOrders.AsNoTracking().Where(o => o.TicketId == ticketId);
        var total = await orders.CountAsync();
        var skip = (long)(page - 1) * pageSize;
        List<TicketOrder> items = skip >= total
            ? []
            : await orders.OrderBy(o => o.Id).Skip((int)skip).Take(pageSize).ToListAsync();
        return new OrderPage([.. items.Select(OrderResponses.ToResponse)], page, pageSize, total);
    }

    /// <summary>One order of a ticket; null when the ticket has no order of that id.</summary>
    public async Task<OrderResponse?> FindAsync(long ticketId, long orderId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var order = await db.TicketOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.TicketId == ticketId);
        return order is null ? null : order.ToResponse();
    }
}
