using System.Globalization;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Replication;

/// <summary>
/// Asks every primary how its incoming replication runs, through the AppHost's monitor login (<c>replication-{primary}</c>),
/// which may read the replication state and nothing else; on Galera, every node for its view of the cluster, through the
/// servers' own login on it.
/// </summary>
internal sealed class ReplicationMonitor(IOptions<DatabaseOptions> options, IConfiguration configuration)
{
    private const int TimeoutSeconds = 2;

    public async Task<ReplicationResponse> ReadAsync()
    {
        if (options.Value.ClusterNodes is { Length: > 0 } nodes)
        {
            return new ReplicationResponse("galera", [], await Task.WhenAll(nodes.Select(ReadNodeAsync)));
        }

        var primaries = options.Value.Primaries;
        if (primaries.Length == 0)
        {
            return new ReplicationResponse("single", [], []);
        }

        var links = await Task.WhenAll(primaries.Select(ReadLinkAsync));
        return new ReplicationResponse("several-primaries", links, []);
    }

    /// <summary>A node's <c>wsrep_%</c> status, read through the servers' login on it (status variables need no privilege).</summary>
    private async Task<GaleraNodeStatus> ReadNodeAsync(string node)
    {
        if (configuration.GetConnectionString($"{DatabaseOptions.ConnectionName}-{node}") is not { } configured)
        {
            return new GaleraNodeStatus(node, false, "unknown", null, null, null, null, "no login on this node is configured");
        }

        try
        {
            await using var connection = new MySqlConnection(Bounded(configured));
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'wsrep%'", connection) { CommandTimeout = TimeoutSeconds };
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    values[reader.GetString(0)] = reader.GetString(1);
                }
            }

            long? Number(string name) => long.TryParse(values.GetValueOrDefault(name), CultureInfo.InvariantCulture, out var value) ? value : null;
            var state = values.GetValueOrDefault("wsrep_local_state_comment", "unknown");
            var cluster = values.GetValueOrDefault("wsrep_cluster_status");
            return new GaleraNodeStatus(
                node, values.GetValueOrDefault("wsrep_ready") == "ON" && state == "Synced" && cluster == "Primary", state, cluster,
                (int?)Number("wsrep_cluster_size"), Number("wsrep_local_cert_failures"), Number("wsrep_local_bf_aborts"), null);
        }
        catch (MySqlException exception)
        {
            return new GaleraNodeStatus(node, false, "unknown", null, null, null, null, $"the node could not be asked ({exception.ErrorCode})");
        }
    }

    private static string Bounded(string configured) =>
        new MySqlConnectionStringBuilder(configured) { ConnectionTimeout = TimeoutSeconds, Pooling = false }.ConnectionString;

    private async Task<ReplicationLinkStatus> ReadLinkAsync(string replica)
    {
        if (configuration.GetConnectionString($"replication-{replica}") is not { } configured)
        {
            return Unknown(replica, "no monitor login for this primary is configured");
        }

        try
        {
            await using var connection = new MySqlConnection(Bounded(configured));
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SHOW SLAVE STATUS", connection) { CommandTimeout = TimeoutSeconds };
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return Unknown(replica, "replication is not configured");
            }

            var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
            string? Text(string column) => columns.TryGetValue(column, out var i) && !reader.IsDBNull(i) ? Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) : null;
            int? Number(string column) => int.TryParse(Text(column), CultureInfo.InvariantCulture, out var value) ? value : null;
            string? Error(string kind) => Number($"Last_{kind}_Errno") is { } errno and not 0 ? $"{errno}: {Text($"Last_{kind}_Error")}" : null;

            var io = Text("Slave_IO_Running") ?? "No";
            var sql = Text("Slave_SQL_Running") ?? "No";
            return new ReplicationLinkStatus(
                replica, $"{Text("Master_Host")}:{Text("Master_Port")}", io == "Yes" && sql == "Yes", io, sql,
                Number("Seconds_Behind_Master"), Number("SQL_Delay"), Text("Gtid_IO_Pos"), Error("SQL") ?? Error("IO"));
        }
        catch (MySqlException exception)
        {
            return Unknown(replica, $"the primary could not be asked ({exception.ErrorCode})");
        }
    }

    private static ReplicationLinkStatus Unknown(string replica, string why) =>
        new(replica, null, false, "unknown", "unknown", null, null, null, why);
}
