using TicketRush.Api.Catalog;
using Microsoft.Extensions.Options;
using TicketRush.Api.Data;
using TicketRush.Api.Servers;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// Opens a purchase's <see cref="SaleTransaction"/> on a pooled connection to the ticket's home database (with several
/// primaries, so every server's locks and writes meet on one copy), with what every step shares.
/// </summary>
internal sealed partial class SaleTransactionFactory(
    PrimaryDatabases databases,
    PurchaseHooks hooks,
    CommitVerifier verifier,
    PurchaseTelemetry telemetry,
    IOptions<ServerOptions> server,
    TimeProvider time,
    ILogger<SaleTransaction> logger)
{
    internal PurchaseHooks Hooks => hooks;

    internal CommitVerifier Verifier => verifier;

    internal TimeProvider Time => time;

    internal string ServerName { get; } = server.Value.Name;

    public async Task<SaleTransaction> OpenAsync(Purchase purchase, CancellationToken cancellationToken) =>
        new(await databases.For(purchase.Sale.HomeDatabase).OpenConnectionAsync(cancellationToken), purchase, this);

    /// <summary>Opens the transaction of a batch of buyers of <paramref name="sale"/>, on a pooled connection to its home database.</summary>
    public async Task<BatchSaleTransaction> OpenBatchAsync(Sale sale, CancellationToken cancellationToken) =>
        new(await databases.For(sale.HomeDatabase).OpenConnectionAsync(cancellationToken), this);

    /// <summary>The <c>lock</c> strategy's blocking sale, on its own threads; the pool wait is bounded by the connection timeout.</summary>
    public BlockingSaleTransaction OpenBlocking(Purchase purchase) => new(databases.For(purchase.Sale.HomeDatabase).OpenConnection(), purchase, this);

    /// <summary>
    /// Counts a conflict where it was met (a deadlock, a Galera certification failure at commit, a snapshot conflict);
    /// any other refusal is not one and is not counted.
    /// </summary>
    internal void RecordConflict(string strategy, MySqlConnector.MySqlException exception)
    {
        if (MySqlConflict.Is(exception))
        {
            telemetry.RecordConflict(strategy, (int)exception.ErrorCode);
        }
    }

    internal void LogRollbackFailed(Exception exception, Purchase purchase) => RollbackFailed(logger, exception, purchase.TicketId, purchase.UserId);

    [LoggerMessage(LogLevel.Warning, "Rolling back the purchase of ticket {TicketId} by user {UserId} failed; the session is dropped")]
    private static partial void RollbackFailed(ILogger logger, Exception exception, long ticketId, long userId);
}
