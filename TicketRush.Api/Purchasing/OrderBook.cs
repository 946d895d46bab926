using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Data;
using TicketRush.Api.Faults;
using TicketRush.Api.Servers;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing;

/// <summary>How the ticket row is read and how the new stock is written in a read–check–write purchase.</summary>
public enum StockAccess
{
    /// <summary>Plain read, blind write of the value computed from it: the lost update of Level 0.</summary>
    ReadThenBlindWrite,

    /// <summary><c>SELECT … FOR UPDATE</c>: the row stays locked until the transaction ends.</summary>
    LockRowThenWrite,

    /// <summary>Plain read, write only if the stock is still what was read: a fence behind an external lock.</summary>
    ReadThenGuardedWrite,
}

/// <summary>The data operations every strategy builds on: one purchase is one transaction that commits only a sale.</summary>
public sealed class OrderBook(
    IDbContextFactory<TicketRushDbContext> contexts,
    RaceWindow raceWindow,
    FaultInjector faults,
    PurchaseTelemetry telemetry,
    IOptions<ServerOptions> server,
    TimeProvider time)
{
    /// <summary>
    /// Runs <paramref name="attempt"/> in a transaction, retried whole on transient errors (deadlock, dropped
    /// connection). Only a sale is committed; every other outcome rolls back whatever the attempt wrote.
    /// </summary>
    public async Task<PurchaseOutcome> InTransactionAsync(
        Func<TicketRushDbContext, CancellationToken, Task<PurchaseOutcome>> attempt,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var outcome = await attempt(db, token);
            if (outcome.Status == PurchaseStatus.Sold)
            {
                await transaction.CommitAsync(token);
            }

            return outcome;
        }, cancellationToken);
    }

    /// <summary>Read the stock, check it, (pause,) write stock − 1 and insert the order, inside the caller's transaction.</summary>
    public async Task<PurchaseOutcome> ReadCheckWriteAsync(
        TicketRushDbContext db, PurchaseCommand command, string strategy, StockAccess access, CancellationToken cancellationToken)
    {
        var ticket = access == StockAccess.LockRowThenWrite
            ? await db.Tickets.FromSql($"SELECT * FROM tickets WHERE id = {command.TicketId} FOR UPDATE")
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            : await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.TicketId, cancellationToken);

        if (ticket is null)
        {
            return PurchaseOutcome.TicketNotFound;
        }

        if (ticket.RemainingStock <= 0)
        {
            return PurchaseOutcome.SoldOut;
        }

        await raceWindow.PauseAsync(cancellationToken);
        await faults.StallIfArmedAsync(command.UserId, cancellationToken);

        var written = await WriteStock(db, ticket, access).ExecuteUpdateAsync(SetStock(ticket.RemainingStock - 1), cancellationToken);
        if (written == 0)
        {
            return PurchaseOutcome.Unavailable("stock changed under the lock: the lock was lost");
        }

        telemetry.RecordRemaining(ticket.Id, ticket.RemainingStock - 1);

        return await SaveOrderAsync(db, NewOrder(command, strategy), cancellationToken);
    }

    /// <summary>
    /// The conditional decrement — <c>UPDATE … SET remaining = remaining - 1 WHERE id = @id AND remaining &gt; 0</c> —
    /// then the order, in the caller's transaction. The database decides; no lock is held outside it.
    /// </summary>
    public async Task<PurchaseOutcome> DecrementThenSaveAsync(
        TicketRushDbContext db, PurchaseCommand command, string strategy, CancellationToken cancellationToken)
    {
        var decremented = await db.Tickets
            .Where(t => t.Id == command.TicketId && t.RemainingStock > 0)
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(t => t.RemainingStock, t => t.RemainingStock - 1)
                .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);

        if (decremented == 0)
        {
            return await db.Tickets.AnyAsync(t => t.Id == command.TicketId, cancellationToken)
                ? PurchaseOutcome.SoldOut
                : PurchaseOutcome.TicketNotFound;
        }

        return await SaveOrderAsync(db, NewOrder(command, strategy), cancellationToken);
    }

    /// <summary>Inserts the order; the unique (ticket, user) index turns a second purchase into <see cref="PurchaseOutcome.AlreadyPurchased"/>.</summary>
    public static async Task<PurchaseOutcome> SaveOrderAsync(TicketRushDbContext db, TicketOrder order, CancellationToken cancellationToken)
    {
        db.TicketOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return PurchaseOutcome.Sold(order);
        }
        catch (DbUpdateException exception) when (IsDuplicateOrder(exception))
        {
            return PurchaseOutcome.AlreadyPurchased;
        }
    }

    public TicketOrder NewOrder(PurchaseCommand command, string strategy) => new()
    {
        TicketId = command.TicketId,
        UserId = command.UserId,
        CreatedAt = time.GetUtcNow(),
        ServedBy = server.Value.Name,
        Strategy = strategy,
    };

    public static bool IsDuplicateOrder(DbUpdateException exception) =>
        exception.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    /// <summary>The rows a stock write may touch: the ticket, and with a guard only while its stock is still what was read.</summary>
    public static IQueryable<Ticket> WriteStock(TicketRushDbContext db, Ticket read, StockAccess access) =>
        access == StockAccess.ReadThenGuardedWrite
            ? db.Tickets.Where(t => t.Id == read.Id && t.RemainingStock == read.RemainingStock)
            : db.Tickets.Where(t => t.Id == read.Id);

    /// <summary>Sets the stock and bumps the version, so optimistic readers notice every write.</summary>
    public static Expression<Func<SetPropertyCalls<Ticket>, SetPropertyCalls<Ticket>>> SetStock(int remainingStock) =>
        setters => setters
            .SetProperty(t => t.RemainingStock, remainingStock)
            .SetProperty(t => t.Version, t => t.Version + 1);
}
