using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

public sealed class OrderQueries(IDbContextFactory<TicketRushDbContext> contexts)
{
    /// <summary>One page of a ticket's orders, oldest first; null when the ticket does not exist. A page past the end is empty.</summary>
    public async Task<OrderPage?> ListAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Tickets.AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return null;
        }

        var orders = db.TicketOrders.AsNoTracking().Where(o => o.TicketId == ticketId);
        var total = await orders.CountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        List<TicketOrder> items = skip >= total
            ? []
            : await orders.OrderBy(o => o.Id).Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return new OrderPage([.. items.Select(OrderResponse.From)], page, pageSize, total);
    }
}
