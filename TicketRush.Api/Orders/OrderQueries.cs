using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;

namespace TicketRush.Api.Orders;

/// <remarks>Queries take no request token, for the reason given on <see cref="Tickets.TicketService"/>.</remarks>
internal sealed class OrderQueries(IDbContextFactory<TicketRushDbContext> contexts)
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> of a ticket's orders after order <paramref name="after"/>, oldest first, and
    /// whether more follow; null when the ticket does not exist. A seek on (ticket, id): a page deep into a million-order
    /// sale costs what the first one does, and no order is read twice or skipped however pages are interleaved with sales.
    /// </summary>
    /// <param name="userId">Only this buyer's order (a lookup on the unique (ticket, buyer) index): how a buyer learns it holds one.</param>
    public async Task<(IReadOnlyList<OrderResponse> Items, bool More)?> ListAsync(long ticketId, long after, int pageSize, long? userId = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (!await db.Tickets.AnyAsync(t => t.Id == ticketId))
        {
            return null;
        }

        var orders = db.TicketOrders.AsNoTracking().Where(o => o.TicketId == ticketId);
        if (userId is { } buyer)
        {
            orders = orders.Where(o => o.UserId == buyer);
        }

        var items = await orders
            .Where(o => o.Id > after)
            .OrderBy(o => o.Id)
            .Take(pageSize + 1)
            .ToListAsync();
        return ([.. items.Take(pageSize).Select(OrderResponses.ToResponse)], items.Count > pageSize);
    }

    /// <summary>One order of a ticket; null when the ticket has no order of that id.</summary>
    public async Task<OrderResponse?> FindAsync(long ticketId, long orderId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var order = await db.TicketOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.TicketId == ticketId);
        return order is null ? null : order.ToResponse();
    }
}
