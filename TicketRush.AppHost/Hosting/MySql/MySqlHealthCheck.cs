using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Healthy once a connection opens and answers <c>SELECT 1</c>.</summary>
internal sealed class MySqlHealthCheck(Func<string?> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connectionString() is not { } value)
        {
            return HealthCheckResult.Unhealthy("The connection string is not known yet.");
        }

        try
        {
            await using var connection = new MySqlConnection(value);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (MySqlException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }
}
