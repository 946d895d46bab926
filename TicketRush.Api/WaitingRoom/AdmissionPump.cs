using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.Sales;
using TicketRush.Api.Servers;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// Runs on every server; the one holding the <see cref="AdmissionLease"/> admits the next buyers of every waiting
/// room each tick, reading the remaining stock from MySQL so admissions never outnumber what can still be bought.
/// </summary>
public sealed partial class AdmissionPump(
    AdmissionLease lease,
    WaitingLine line,
    SaleCatalog sales,
    MySqlDataSource database,
    IOptions<WaitingRoomOptions> options,
    IOptions<ServerOptions> server,
    IMeterFactory meters,
    TimeProvider time,
    ILogger<AdmissionPump> logger) : BackgroundService
{
    private readonly string _owner = $"{server.Value.Name}:{Guid.NewGuid():N}";
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
                catch (Exception exception) when (DependencyFailure.IsUnavailable(exception))
                {
                    // Redis or MySQL is away: nobody is admitted this tick; the lease lapses if this lasts.
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
            if (await sales.FindAsync(ticketId, cancellationToken) is not { Admission: { } rules })
            {
                continue;
            }

            var round = await line.AdmitAsync(ticketId, rules, await RemainingStockAsync(ticketId), options.Value.PumpInterval);
            Count(round.Admitted, "admitted");
            Count(round.Expired, "lapsed");
        }
    }

    private void Count(int admissions, string result)
    {
        if (admissions > 0)
        {
            _admitted.Add(admissions, new KeyValuePair<string, object?>("result", result), new("ticketrush.server", server.Value.Name));
        }
    }

    private async Task<int> RemainingStockAsync(long ticketId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new MySqlCommand("SELECT remaining_stock FROM tickets WHERE id = @ticket", connection) { CommandTimeout = 2 };
        command.Parameters.AddWithValue("@ticket", ticketId);
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ReleaseQuietlyAsync()
    {
        try
        {
            await lease.ReleaseAsync(_owner);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailable(exception))
        {
            TickFailed(logger, exception);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Waiting-room admission skipped a tick: a dependency is unavailable")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
