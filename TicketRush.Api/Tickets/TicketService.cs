using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Tickets;

public sealed partial class TicketService(
    IDbContextFactory<TicketRushDbContext> contexts,
    PurchaseTelemetry telemetry,
    TimeProvider time,
    ILogger<TicketService> logger)
{
    /// <summary>Stores the ticket with its strategy, then lets the strategy prepare what it keeps outside MySQL.</summary>
    public async Task<TicketResponse> CreateAsync(string name, int stock, IPurchaseStrategy strategy, CancellationToken cancellationToken)
    {
        var ticket = new Ticket
        {
            Name = name,
            TotalStock = stock,
            RemainingStock = stock,
            Strategy = strategy.Descriptor.Name,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            await strategy.PrepareSaleAsync(ticket.Id, stock, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && DependencyFailure.IsUnavailable(exception))
        {
            NotPrepared(logger, exception, ticket.Id, ticket.Strategy);
        }

        return new TicketResponse(ticket.Id, ticket.Name, ticket.TotalStock, ticket.RemainingStock, OrderCount: 0, ticket.Strategy);
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

    private static IQueryable<TicketResponse> Project(TicketRushDbContext db, IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(t => new TicketResponse(
            t.Id, t.Name, t.TotalStock, t.RemainingStock,
            db.TicketOrders.Count(o => o.TicketId == t.Id), t.Strategy));

    [LoggerMessage(LogLevel.Warning, "Ticket {TicketId}'s {Strategy} sale could not be prepared; it will be prepared on first purchase")]
    private static partial void NotPrepared(ILogger logger, Exception exception, long ticketId, string strategy);
}
