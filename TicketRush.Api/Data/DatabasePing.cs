using MySqlConnector;
using TicketRush.Api.Servers.Health;

namespace TicketRush.Api.Data;

/// <summary>MySQL answers <c>SELECT 1</c>, asked over a pool of the probe's own.</summary>
/// <remarks>
/// Never the purchase pool: a pessimistic rush can hold all of its connections for seconds, and a probe waiting in that
/// line would fail, so the gateway would take a healthy server out just when it is busiest.
/// </remarks>
internal sealed class DatabasePing([FromKeyedServices(DatabasePing.PoolKey)] MySqlDataSource database) : IDependencyPing
{
    public const string CheckName = "ticketrush-database";

    /// <summary>The service key of the probe's own data source.</summary>
    public const string PoolKey = "health-probe";

    /// <summary>One probe at a time, plus one for a probe abandoned at its timeout whose connection is not back yet.</summary>
    public const int PoolSize = 2;

    public string Name => CheckName;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A command timeout, not the token: cancelling by token makes the driver connect synchronously to kill the query.
        await using var ping = new MySqlCommand("SELECT 1", connection) { CommandTimeout = 1 };
        await ping.ExecuteScalarAsync();
    }
}
