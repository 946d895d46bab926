using System.Globalization;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Replication;

/// <summary>
/// Asks every primary how its incoming replication runs, through the AppHost's monitor login
/// (<c>replication-{primary}</c>), which may read the replication state and nothing else.
/// </summary>
internal sealed class ReplicationMonitor(IOptions<DatabaseOptions> options, IConfiguration configuration)
{
    private const int TimeoutSeconds = 2;

    public async Task<ReplicationResponse> ReadAsync()
    {
        var primaries = options.Value.Primaries;
        if (primaries.Length == 0)
        {
            return new ReplicationResponse("single", []);
        }

        var links = await Task.WhenAll(primaries.Select(ReadLinkAsync));
        return new ReplicationResponse("several-primaries", links);
    }

    private async Task<ReplicationLinkStatus> ReadLinkAsync(string replica)
    {
        if (configuration.GetConnectionString($"replication-{replica}") is not { } configured)
        {
            return Unknown(replica, "no monitor login for this primary is configured");
        }

        var connectionString = new MySqlConnectionStringBuilder(configured) { ConnectionTimeout = TimeoutSeconds, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new MySqlConnection(connectionString);
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
