using MySqlConnector;
using TicketRush.Api.Servers.Health;

namespace TicketRush.Api.Data;

/// <summary>MySQL answers <c>SELECT 1</c>.</summary>
internal sealed class DatabasePing(MySqlDataSource database) : IDependencyPing
{
    public const string CheckName = "ticketrush-database";

    public string Name => CheckName;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A command timeout, not the token: cancelling by token makes the driver connect synchronously to kill the query.
        await using var ping = new MySqlCommand("SELECT 1", connection) { CommandTimeout = 1 };
        await ping.ExecuteScalarAsync();
    }
}
