using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TicketRush.Api.Data;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 1, C# <c>lock</c> (Java's <c>synchronized</c>): one monitor per ticket around a synchronous
/// read–check–write. A monitor cannot be held across <c>await</c>, so the database work blocks its thread —
/// which is the point of this strategy. It serialises one process; two servers still race each other.
/// </summary>
public sealed class MonitorLockPurchase(
    IDbContextFactory<TicketRushDbContext> contexts,
    OrderBook orders,
    RaceWindow raceWindow,
    PurchaseTelemetry telemetry,
    TimeProvider time) : IPurchaseStrategy
{
    private readonly ConcurrentDictionary<long, Lock> _locks = new();

    public StrategyDescriptor Descriptor { get; } = new(
        "lock", "1",
        "C# lock (Java synchronized) per ticket around a blocking read-check-write: exact on one server, oversells across two.",
        SafeOnOneServer: true, SafeAcrossServers: false);

    public Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(command.TicketId, _ => new Lock());
        var waitStarted = time.GetTimestamp();
        lock (gate)
        {
            telemetry.RecordLockWait(Descriptor.Name, time.GetElapsedTime(waitStarted));
            return Task.FromResult(Sell(command));
        }
    }

    private PurchaseOutcome Sell(PurchaseCommand command)
    {
        using var db = contexts.CreateDbContext();
        return db.Database.CreateExecutionStrategy().Execute(() =>
        {
            db.ChangeTracker.Clear();
            using var transaction = db.Database.BeginTransaction();
            var ticket = db.Tickets.AsNoTracking().SingleOrDefault(t => t.Id == command.TicketId);
            if (ticket is null)
            {
                return PurchaseOutcome.TicketNotFound;
            }

            if (ticket.RemainingStock <= 0)
            {
                return PurchaseOutcome.SoldOut;
            }

            raceWindow.Pause();
            OrderBook.WriteStock(db, ticket, StockAccess.ReadThenBlindWrite).ExecuteUpdate(OrderBook.SetStock(ticket.RemainingStock - 1));

            var order = orders.NewOrder(command, Descriptor.Name);
            db.TicketOrders.Add(order);
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException exception) when (OrderBook.IsDuplicateOrder(exception))
            {
                return PurchaseOutcome.AlreadyPurchased;
            }

            transaction.Commit();
            return PurchaseOutcome.Sold(order);
        });
    }
}
