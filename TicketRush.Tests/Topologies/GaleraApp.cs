using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Topologies;

/// <summary>
/// The whole system on a three-node Galera cluster: api-1 on mysql-1, api-2 on mysql-2, mysql-3 keeping quorum. Every
/// commit is certified by all nodes before it is acknowledged, so a conflicting commit on another node fails (1213).
/// </summary>
public sealed class GaleraApp : TicketRushApp
{
    /// <summary>The nodes in bootstrap order: api-1 writes the first, api-2 the second.</summary>
    public static readonly string[] NodeNames = ["mysql-1", "mysql-2", "mysql-3"];

    protected override IEnumerable<string> TopologyArguments => ["--Hosting:Databases=galera"];

    /// <summary>The servers' own least-privilege login on <paramref name="node"/>'s ticketrush database.</summary>
    public Task<string> AppConnectionStringAsync(string node) =>
        ConnectionStringAsync($"ticketrush-app{node["mysql".Length..]}");

    /// <summary>
    /// The description of <paramref name="resource"/>'s health reports as the dashboard shows them, once it is healthy and
    /// says <paramref name="expected"/>; after a minute, whatever it says then. A healthy resource is checked again only
    /// every so often, so the first healthy report of node 2 may still describe the cluster before node 3 joined.
    /// </summary>
    public async Task<string> HealthDescriptionAsync(string resource, string expected)
    {
        static string Describe(ResourceEvent e) => string.Join("; ", e.Snapshot.HealthReports.Select(report => $"{report.Name}: {report.Description}"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        ResourceEvent? last = null;
        try
        {
            var update = await Running.ResourceNotifications.WaitForResourceAsync(
                resource,
                e =>
                {
                    last = e;
                    return e.Snapshot.HealthStatus == HealthStatus.Healthy && Describe(e).Contains(expected, StringComparison.Ordinal);
                },
                timeout.Token);
            return Describe(update);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return last is null ? "no health report" : Describe(last);
        }
    }
}

/// <summary>The Galera tests share one system and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class GaleraCollection : ICollectionFixture<GaleraApp>
{
    public const string Name = "TicketRush on Galera";
}
