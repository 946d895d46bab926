using Microsoft.Extensions.Options;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Purchasing.Blocking;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 1, C# <c>lock</c> (Java's <c>synchronized</c>): the lock statement's own primitive per ticket around a
/// synchronous read–check–write. A lock cannot be held across <c>await</c>, so the database work blocks its thread,
/// which is the point of this strategy. It serialises one process; two servers still race each other.
/// </summary>
/// <remarks>
/// The blocking runs on threads reserved for it, never on the thread pool that serves every other request, and a
/// buyer waits for the lock only until the purchase deadline.
/// </remarks>
internal sealed class MonitorLockPurchase : IPurchaseStrategy<MonitorLockPurchase>, IDisposable
{
    private readonly SaleTransactionFactory _transactions;
    private readonly PurchaseTelemetry _telemetry;
    private readonly LockStripes<Lock> _locks;
    private readonly BlockingWorkers _threads;

    public MonitorLockPurchase(SaleTransactionFactory transactions, PurchaseTelemetry telemetry, IOptions<InProcessLockOptions> options)
    {
        _transactions = transactions;
        _telemetry = telemetry;
        _locks = new LockStripes<Lock>(options.Value.Stripes, () => new Lock());
        _threads = new BlockingWorkers(options.Value.BlockingThreads, "lock strategy");
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Lock, "1",
        "C# lock (Java synchronized) per ticket around a blocking read-check-write: exact on one server, oversells across two.",
        SafeOnOneServer: true, SafeAcrossServers: false);

    public Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken) =>
        _threads.RunAsync(() => Sell(purchase), purchase.Deadline, () => PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired));

    private PurchaseOutcome Sell(Purchase purchase)
    {
        var gate = _locks.For(purchase.TicketId);
        var wait = _telemetry.StartLockWait(Descriptor.Name);
        var entered = gate.TryEnter(purchase.Deadline.Remaining);
        wait.End();
        if (!entered)
        {
            return PurchaseOutcome.Unavailable(UnavailableReasons.LockNotAcquired);
        }

        try
        {
            using var sale = _transactions.OpenBlocking(purchase);
            var stock = sale.ReadStock();
            return stock.Refusal ?? sale.CommitBlindWrite(stock);
        }
        finally
        {
            gate.Exit();
        }
    }

    public void Dispose() => _threads.Dispose();
}
