using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using TicketRush.Api.Catalog;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Logging;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.Sales;
using TicketRush.Api.Servers;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// Runs on every server; the one holding the <see cref="AdmissionLease"/> admits the next buyers of every waiting
/// room each tick, reading the remaining stock from MySQL so admissions never outnumber what can still be bought.
/// </summary>
internal sealed partial class AdmissionPump(
    AdmissionLease lease,
    WaitingLine line,
    SaleCatalog sales,
    PurchaseStrategyCatalog strategies,
    IOptions<WaitingRoomOptions> options,
    IOptions<PurchaseOptions> purchase,
    IOptions<ServerOptions> server,
    IMeterFactory meters,
    TimeProvider time,
    ILogger<AdmissionPump> logger) : BackgroundService
{
    private readonly string _owner = $"{server.Value.Name}:{Guid.NewGuid():N}";
    private readonly FailureLogThrottle _roundFailures = new(time, purchase.Value.FailureLogInterval);
    private readonly Counter<long> _admitted = meters.Create(PurchaseTelemetry.SourceName)
        .CreateCounter<long>("ticketrush.waitingroom.admissions", "{admission}", "Buyers admitted from a waiting room, and admissions that lapsed unused.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PumpInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await lease.HoldAsync(_owner, options.Value.PumpLease))
                    {
                        await AdmitAllAsync(stoppingToken);
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // Redis or MySQL is away: nobody more is admitted this tick, and the lease lapses if this lasts.
                    // A failing pump must never stop the server that serves buyers.
                    TickFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseQuietlyAsync();
        }
    }

    private async Task AdmitAllAsync(CancellationToken cancellationToken)
    {
        foreach (var ticketId in await line.ActiveTicketsAsync())
        {
            try
            {
                if (!await AdmitAsync(ticketId, cancellationToken))
                {
                    return;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One ticket's round failing (its line damaged, its row unreadable) must not hold up every later ticket's line.
                if (_roundFailures.ShouldLog(exception.GetType().FullName!, out var suppressed))
                {
                    RoundFailed(logger, exception, ticketId, suppressed);
                }
            }
        }
    }

    /// <returns>False when this server lost the admission lease: it admits nobody more.</returns>
    private async Task<bool> AdmitAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (await sales.FindAsync(ticketId, cancellationToken) is not { Admission: { } rules } sale)
        {
            return true;
        }

        // A purchase that starts just before its admission expires may run for its strategy's deadline plus the
        // verification of an unacknowledged commit, so its slot stays taken that long after the admission expires.
        var grace = purchase.Value.DeadlineOf(strategies.Get(sale.Strategy)) + purchase.Value.VerifyTimeout;

        var purchases = await line.PurchasesAsync(ticketId);
        var round = await line.AdmitAsync(
            ticketId, rules, await sales.ReadRemainingStockAsync(ticketId) ?? 0, purchases, options.Value.PumpInterval, _owner, grace);
        if (round.LeaseLost)
        {
            return false;
        }

        Count(round.Admitted, "admitted");
        Count(round.Expired, "lapsed");
        return true;
    }

    private void Count(int admissions, string result)
    {
        if (admissions > 0)
        {
            _admitted.Add(admissions, new KeyValuePair<string, object?>("result", result), new("ticketrush.server", server.Value.Name));
        }
    }

    private async Task ReleaseQuietlyAsync()
    {
        try
        {
            await lease.ReleaseAsync(_owner);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            TickFailed(logger, exception);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Waiting-room admission for ticket {TicketId} failed this tick; the other tickets' lines go on ({Suppressed} more such failures since the last entry)")]
    private static partial void RoundFailed(ILogger logger, Exception exception, long ticketId, int suppressed);

    [LoggerMessage(LogLevel.Warning, "Waiting-room admission skipped a tick")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
