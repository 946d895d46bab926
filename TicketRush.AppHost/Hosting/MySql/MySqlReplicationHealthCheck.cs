using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Healthy while the replica's I/O thread (fetching the source's binary log) and SQL thread (applying it) both run;
/// otherwise unhealthy with the replica's last error, so a broken link shows in the dashboard instead of passing in silence.
/// </summary>
internal sealed class MySqlReplicationHealthCheck(Func<string?> connectionString) : IHealthCheck
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
            await using var command = new MySqlCommand("SHOW SLAVE STATUS", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Replication is not configured on this server.");
            }

            var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
            string Column(string name) => columns.TryGetValue(name, out var i) && !reader.IsDBNull(i) ? Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "" : "";
            var io = Column("Slave_IO_Running");
            var sql = Column("Slave_SQL_Running");
            var behind = Column("Seconds_Behind_Master") is { Length: > 0 } seconds ? seconds : "?";
            var state = $"I/O {io}, SQL {sql}, {behind} s behind, delay {Column("SQL_Delay")} s";
            if (io == "Yes" && sql == "Yes")
            {
                return HealthCheckResult.Healthy(state);
            }

            var error = Column("Last_SQL_Errno") is { } sqlErrno and not "0"
                ? $"SQL error {sqlErrno}: {Column("Last_SQL_Error")}"
                : Column("Last_IO_Errno") is { } ioErrno and not "0" ? $"I/O error {ioErrno}: {Column("Last_IO_Error")}" : "no error recorded";
            return HealthCheckResult.Unhealthy($"{state}; last {error}");
        }
        catch (MySqlException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }
}
