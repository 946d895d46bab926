using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace Aspire.Hosting;

/// <summary>
/// Restores a broken pair of primaries to one consistent copy, the way a DBA would: stop both replicas, copy every
/// table of the authoritative primary, as of one consistent snapshot, over the other's (unlogged, so it does not
/// replicate back), then point each replica just past what the copy already holds and start both again.
/// </summary>
/// <remarks>
/// Whatever only the other copy had (a sale written there alone, the cause of a 1062) is gone: that is the choice of
/// an authority. Writes the authority takes during the repair are after its snapshot and replicate afterwards; writes
/// to the other copy during the repair are lost, so pause its sales first.
/// </remarks>
internal sealed class MySqlPairRepair(IMySqlServerResource authority, IMySqlServerResource other, Func<MySqlConnection, MySqlReplicationLinkResource, CancellationToken, Task> startReplica,
    MySqlReplicationLinkResource intoAuthority, MySqlReplicationLinkResource intoOther)
{
    private const int RowsPerInsert = 500;

    public async Task<int> RunAsync(ILogger logger, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(authority, cancellationToken);
        await using var target = await OpenAsync(other, cancellationToken);
        await ExecuteAsync(source, "STOP SLAVE", cancellationToken);
        await ExecuteAsync(target, "STOP SLAVE", cancellationToken);

        // One snapshot for every table, and the binary-log position it corresponds to: the other replica resumes there.
        await ExecuteAsync(source, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT", cancellationToken);
        var snapshotPosition = await ScalarAsync(source,
            "SELECT BINLOG_GTID_POS((SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'BINLOG_SNAPSHOT_FILE'), " +
            "(SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'BINLOG_SNAPSHOT_POSITION'))", cancellationToken);

        await MySqlBuilderExtensions.DoNotReplicateAsync(target, cancellationToken);
        await ExecuteAsync(target, "SET SESSION foreign_key_checks = 0", cancellationToken);
        var rows = 0;
        foreach (var database in authority.Databases)
        {
            foreach (var table in await TablesAsync(source, database.DatabaseName, cancellationToken))
            {
                rows += await CopyTableAsync(source, target, $"{Quote(database.DatabaseName)}.{Quote(table)}", cancellationToken);
            }
        }

        await ExecuteAsync(source, "COMMIT", cancellationToken);
        await ExecuteAsync(target, "SET SESSION foreign_key_checks = 1", cancellationToken);

        // The other copy now holds the authority's history up to the snapshot; the authority skips everything the other
        // logged so far (its own events coming back, and the other's that the copy has just overwritten).
        var otherLogged = await ScalarAsync(target, "SELECT @@global.gtid_binlog_pos", cancellationToken);
        await SetReplicaPositionAsync(target, snapshotPosition, cancellationToken);
        await SetReplicaPositionAsync(source, otherLogged, cancellationToken);
        await startReplica(target, intoOther, cancellationToken);
        await startReplica(source, intoAuthority, cancellationToken);
        logger.LogWarning("Restored {Other} from {Authority}: {Rows} rows copied as of GTID {Position}; replication restarted both ways",
            other.Name, authority.Name, rows, snapshotPosition);
        return rows;
    }

    private static async Task<MySqlConnection> OpenAsync(IMySqlServerResource server, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(MySqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = @database AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", connection);
        command.Parameters.AddWithValue("@database", database);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Empties the other copy's table and fills it with the authority's rows, a few hundred per statement.</summary>
    private static async Task<int> CopyTableAsync(MySqlConnection source, MySqlConnection target, string table, CancellationToken cancellationToken)
    {
        await ExecuteAsync(target, $"DELETE FROM {table}", cancellationToken);
        await using var read = new MySqlCommand($"SELECT * FROM {table}", source);
        var rows = new List<object[]>();
        string[] columns;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }
        }

        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            await using var insert = new MySqlCommand { Connection = target };
            var tuples = chunk.Select((row, r) => "(" + string.Join(", ", row.Select((value, c) =>
            {
                var name = $"@p{r}_{c}";
                insert.Parameters.AddWithValue(name, value);
                return name;
            })) + ")");
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))}) VALUES {string.Join(", ", tuples)}";
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    private static async Task SetReplicaPositionAsync(MySqlConnection replica, string position, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SET GLOBAL gtid_slave_pos = @position", replica);
        command.Parameters.AddWithValue("@position", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static string Quote(string identifier) => new MySqlCommandBuilder().QuoteIdentifier(identifier);
}
