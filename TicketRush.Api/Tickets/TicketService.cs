using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Tickets;

/// <remarks>
/// Queries take no request token: MySqlConnector answers a cancelled token by connecting synchronously to kill the
/// query, parking a thread per departed client; command timeouts bound them instead.
/// </remarks>
internal sealed partial class TicketService(
    IDbContextFactory<TicketRushDbContext> contexts,
    PurchaseTelemetry telemetry,
    TimeProvider time,
    ILogger<TicketService> logger)
{
    /// <summary>Stores the ticket with its strategy and home database, then lets the strategy prepare what it keeps outside MySQL.</summary>
    /// <param name="homeDatabase">The primary its sales are written to; null when each server writes its own.</param>
    public async Task<TicketResponse> CreateAsync(string name, int stock, IPurchaseStrategy strategy, WaitingRoomResponse? waitingRoom, string? homeDatabase)
    {
        var ticket = new Ticket
        {
            Name = name,
            TotalStock = stock,
            RemainingStock = stock,
            Strategy = strategy.Descriptor.Name,
            CreatedAt = time.GetUtcNow(),
            AdmitPerSecond = waitingRoom?.AdmitPerSecond,
            AdmissionSeconds = waitingRoom?.AdmissionSeconds,
            Overbooking = waitingRoom?.Overbooking ?? 0,
            HomeDatabase = homeDatabase,
        };
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
        }

        try
        {
            await strategy.PrepareSaleAsync(ticket.Id, stock, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && DependencyFailure.IsUnavailable(exception))
        {
            NotPrepared(logger, exception, ticket.Id, ticket.Strategy);
        }

        return new TicketResponse(ticket.Id, ticket.Name, ticket.TotalStock, ticket.RemainingStock, OrderCount: 0, ticket.Strategy, waitingRoom,
            homeDatabase is null ? TicketWrites.Local : TicketWrites.Home, homeDatabase);
    }

    public async Task<TicketResponse?> FindAsync(long id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var ticket = await Project(db.Tickets.Where(t => t.Id == id)).SingleOrDefaultAsync();
        if (ticket is not null)
        {
            telemetry.RecordRemaining(ticket.Id, ticket.RemainingStock);
        }

        return ticket;
    }

    /// <summary>Every ticket, one indexed row each: the counts come from the ticket rows, never from counting orders.</summary>
    public async Task<List<TicketResponse>> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await Project(db.Tickets.OrderBy(t => t.Id)).ToListAsync();
    }

    private static IQueryable<TicketResponse> Project(IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(t => new TicketResponse(
            t.Id, t.Name, t.TotalStock, t.RemainingStock, t.OrderCount, t.Strategy,
            t.AdmitPerSecond == null ? null : new WaitingRoomResponse(t.AdmitPerSecond.Value, t.AdmissionSeconds!.Value, t.Overbooking),
            t.HomeDatabase == null ? TicketWrites.Local : TicketWrites.Home, t.HomeDatabase));

    [LoggerMessage(LogLevel.Warning, "Ticket {TicketId}'s {Strategy} sale could not be prepared; it will be prepared on first purchase")]
    private static partial void NotPrepared(ILogger logger, Exception exception, long ticketId, string strategy);
}
