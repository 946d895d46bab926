using Aspire.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Topologies;

/// <summary>
/// The whole system on two MariaDB primaries replicating each other (api-1 on mysql-a, api-2 on mysql-b), each replica
/// held <see cref="ReplicationDelay"/> behind its source, as a link between two data centres would be: on any machine the
/// copies then disagree for as long as a rush lasts.
/// </summary>
public sealed class TwoPrimariesApp : TicketRushApp
{
    public static readonly TimeSpan ReplicationDelay = TimeSpan.FromSeconds(1);

    /// <summary>The primaries in server order: api-1 writes the first, api-2 the second.</summary>
    public static readonly string[] PrimaryNames = ["mysql-a", "mysql-b"];

    /// <summary>The link resources, each healthy while its direction replicates.</summary>
    public static readonly string[] LinkNames = ["replication-a-to-b", "replication-b-to-a"];

    protected override IEnumerable<string> TopologyArguments =>
        ["--Hosting:Databases=two-primaries", $"--Hosting:ReplicationDelay={(int)ReplicationDelay.TotalSeconds}"];

    /// <summary>The servers' own least-privilege login on <paramref name="primary"/>'s ticketrush database.</summary>
    public Task<string> AppConnectionStringAsync(string primary) =>
        ConnectionStringAsync($"ticketrush-app{primary["mysql".Length..]}");

    /// <summary>Runs SQL on <paramref name="primary"/> as root, as an operator at its console would.</summary>
    public async Task RunAsRootAsync(string primary, string sql)
    {
        await using var connection = new MySqlConnection(await ConnectionStringAsync(primary));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits (a minute at most) until the AppHost's health check of <paramref name="resource"/> reports <paramref name="status"/>; returns the check's description.</summary>
    public async Task<string?> WaitForHealthAsync(string resource, HealthStatus status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var update = await Running.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.HealthStatus == status, timeout.Token);
        return string.Join("; ", update.Snapshot.HealthReports.Select(report => report.Description));
    }
}

/// <summary>The two-primary tests share one system and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TwoPrimariesCollection : ICollectionFixture<TwoPrimariesApp>
{
    public const string Name = "TicketRush on two primaries";
}
