using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace TicketRush.Api.Data;

/// <summary>MySQL answers <c>SELECT 1</c> in time; a stalled server is reported unhealthy instead of holding the probe.</summary>
internal sealed class DatabaseHealthCheck(MySqlDataSource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The driver's own cancellation may wait on the stalled server to kill the query; the probe does not wait with it.
        await PingAsync(cancellationToken).WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A command timeout, not the token: cancelling by token makes the driver connect synchronously to kill the query.
        await using var ping = new MySqlCommand("SELECT 1", connection) { CommandTimeout = 1 };
        await ping.ExecuteScalarAsync();
    }
}
