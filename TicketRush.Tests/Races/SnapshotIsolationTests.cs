using MySqlConnector;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Races;

/// <summary>
/// MariaDB 11.6.2+ (Debian 13's 11.8) fails a write to a row changed since the transaction's snapshot with error 1020.
/// The whole suite runs with that switched on, so every rush test also proves its strategy under it.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class SnapshotIsolationTests(TicketRushApp app)
{
    [Fact]
    public async Task The_suite_runs_against_MariaDB_with_snapshot_isolation_on_as_in_11_8()
    {
        await using var connection = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app"));
        await connection.OpenAsync();
        await using var query = new MySqlCommand("SELECT @@innodb_snapshot_isolation", connection);

        Assert.Equal(1L, Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
