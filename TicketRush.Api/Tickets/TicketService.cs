using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;
using TicketRush.Api.Orders;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Tickets;

public sealed class TicketService(
    IDbContextFactory<TicketRushDbContext> contexts,
    IEnumerable<ITicketCreatedHandler> createdHandlers,
    PurchaseTelemetry telemetry,
    TimeProvider time,
    ILogger<TicketService> logger)
{
    public async Task<TicketResponse> CreateAsync(string name, int stock, CancellationToken cancellationToken)
    {
        var ticket = new Ticket { Name = name, TotalStock = stock, RemainingStock = stock, CreatedAt = time.GetUtcNow() };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var handler in createdHandlers)
        {
            try
            {
                await handler.OnTicketCreatedAsync(ticket, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "{Handler} could not prepare ticket {TicketId}; it will be prepared on first use",
                    handler.GetType().Name, ticket.Id);
            }
        }

        return new TicketResponse(ticket.Id, ticket.Name, ticket.TotalStock, ticket.RemainingStock, OrderCount: 0);
    }

    public async Task<TicketResponse?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await Project(db, db.Tickets.Where(t => t.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (ticket is not null)
        {
            telemetry.RecordRemaining(ticket.Id, ticket.RemainingStock);
        }

        return ticket;
    }

    public async Task<List<TicketResponse>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.Tickets.OrderBy(t => t.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>One page of a ticket's orders, oldest first; null when the ticket does not exist.</summary>
    public async Task<OrderPage?> ListOrdersAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Tickets.AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return null;
        }

        var orders = db.TicketOrders.AsNoTracking().Where(o => o.TicketId == ticketId);
        var total = await orders.CountAsync(cancellationToken);
        var items = await orders.OrderBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new OrderPage([.. items.Select(OrderResponse.From)], page, pageSize, total);
    }

    private static IQueryable<TicketResponse> Project(TicketRushDbContext db, IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(t => new TicketResponse(
            t.Id, t.Name, t.TotalStock, t.RemainingStock,
            db.TicketOrders.Count(o => o.TicketId == t.Id)));
}
