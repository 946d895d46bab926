using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Healthy while the node is a synced member of a primary component that accepts queries (<c>wsrep_ready</c> ON,
/// <c>wsrep_local_state_comment</c> Synced); the description carries the cluster size and the node's certification
/// failures, so a node that dropped out or a cluster that lost quorum shows in the dashboard.
/// </summary>
internal sealed class MySqlGaleraHealthCheck(Func<string?> connectionString) : IHealthCheck
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
            var status = await GaleraStatus.ReadAsync(connection, cancellationToken);
            return status.IsSynced ? HealthCheckResult.Healthy(status.ToString()) : HealthCheckResult.Unhealthy(status.ToString());
        }
        catch (MySqlException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }
}

/// <summary>A Galera node's own view of the cluster, from <c>SHOW GLOBAL STATUS LIKE 'wsrep%'</c> (no privilege needed).</summary>
internal sealed record GaleraStatus(string Ready, string State, string ClusterStatus, int ClusterSize, long CertificationFailures, long BruteForceAborts)
{
    public bool IsSynced => Ready == "ON" && State == "Synced" && ClusterStatus == "Primary";

    public static async Task<GaleraStatus> ReadAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'wsrep%'", connection);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        string Text(string name) => values.GetValueOrDefault(name, "unknown");
        long Number(string name) => long.TryParse(values.GetValueOrDefault(name), out var number) ? number : 0;
        return new GaleraStatus(
            Text("wsrep_ready"), Text("wsrep_local_state_comment"), Text("wsrep_cluster_status"), (int)Number("wsrep_cluster_size"),
            Number("wsrep_local_cert_failures"), Number("wsrep_local_bf_aborts"));
    }

    public override string ToString() =>
        $"{State}, ready {Ready}, cluster {ClusterStatus} of {ClusterSize}, {CertificationFailures} certification failures, {BruteForceAborts} brute-force aborts";
}
