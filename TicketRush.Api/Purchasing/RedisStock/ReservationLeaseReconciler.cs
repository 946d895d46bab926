using Microsoft.Extensions.Options;
using MySqlConnector;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>
/// Runs on every server: reservations whose lease ran out are settled against MySQL, the source of truth. An order
/// there confirms the sale; none gives the ticket back, so a purchase that died with its server (or lost Redis'
/// answer) leaks no stock. Servers racing for one reservation settle it once: the give-back script removes the lease first.
/// </summary>
internal sealed partial class ReservationLeaseReconciler(
    RedisStockCounter counter,
    MySqlDataSource database,
    PurchaseTelemetry telemetry,
    IOptions<RedisCounterOptions> options,
    TimeProvider time,
    ILogger<ReservationLeaseReconciler> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ReconcileFailed(logger, exception);
            }
        }
    }

    /// <summary>One pass over the tickets that still have stock in MySQL: only those can have stock leaked in Redis.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        foreach (var ticketId in await TicketsOnSaleAsync(cancellationToken))
        {
            foreach (var expired in await counter.ExpiredReservationsAsync(ticketId, BatchSize, cancellationToken))
            {
                var command = new PurchaseCommand(ticketId, expired.UserId);
                if (await counter.HoldsOrderAsync(command, cancellationToken))
                {
                    await counter.ConfirmAsync(command, expired.LeaseId, cancellationToken);
                }
                else if (await counter.GiveBackAsync(command, expired.LeaseId, keepBuyer: false, cancellationToken))
                {
                    telemetry.RecordReservationGivenBack(ticketId);
                    GaveBack(logger, ticketId, expired.UserId);
                }
            }
        }
    }

    private async Task<List<long>> TicketsOnSaleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "SELECT id FROM tickets WHERE strategy = @strategy AND remaining_stock > 0", connection);
        command.Parameters.AddWithValue("@strategy", StrategyNames.RedisCounter);
        // Bounded by the command timeout, not the token: see SaleTransaction.Uncancellable.
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    [LoggerMessage(LogLevel.Warning, "Gave back the expired reservation of user {UserId} for ticket {TicketId}: no order was ever written")]
    private static partial void GaveBack(ILogger logger, long ticketId, long userId);

    [LoggerMessage(LogLevel.Warning, "Reconciling reservation leases failed; the next pass tries again")]
    private static partial void ReconcileFailed(ILogger logger, Exception exception);
}
