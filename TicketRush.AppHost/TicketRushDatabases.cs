using Aspire.Hosting.ApplicationModel;
using TicketRush.AppHost.Hosting;

namespace TicketRush.AppHost;

/// <summary>
/// The ticketrush database on every primary of the chosen topology, the servers' least-privilege login on each, the
/// schema owner on the first (its migration replicates to the others), and the replication links between them.
/// </summary>
internal sealed record TicketRushDatabases(
    DatabaseTopology Topology,
    IReadOnlyList<TicketRushDatabases.Primary> Primaries,
    IResourceBuilder<MySqlUserResource> SchemaOwner,
    IReadOnlyList<IResourceBuilder<MySqlReplicationLinkResource>> Links)
{
    public const string ConnectionName = "ticketrush";

    /// <summary>One primary: its server and the API servers' login on its ticketrush database.</summary>
    public sealed record Primary(IResourceBuilder<IMySqlServerResource> Server, IResourceBuilder<MySqlUserResource> AppUser)
    {
        public string Name => Server.Resource.Name;
    }

    public string ServerVersion => Primaries[0].Server.Resource.ServerVersion;

    /// <summary>
    /// <c>mysql</c> alone, <c>mysql-a</c> and <c>mysql-b</c> replicating each other, or the Galera nodes <c>mysql-1</c> …
    /// <c>mysql-3</c>; resource names carry the primary's letter or number when there are several. On Galera each node's
    /// accounts are created by its own start and, like everything, replicated to the others.
    /// </summary>
    public static TicketRushDatabases Add(IDistributedApplicationBuilder builder, HostingPlan hosting)
    {
        var (servers, links) = hosting.Databases switch
        {
            DatabaseTopology.TwoPrimaries => builder.AddMySqlPrimaryPair("mysql", hosting),
            DatabaseTopology.Galera => (builder.AddMySqlGaleraCluster("mysql", hosting), []),
            _ => ([builder.AddMySqlServer("mysql", hosting)], []),
        };

        IResourceBuilder<MySqlUserResource>? schemaOwner = null;
        var primaries = servers.Select(server =>
        {
            var letter = server.Resource.Name["mysql".Length..];
            var database = server.AddDatabase($"{ConnectionName}{letter}", ConnectionName);
            schemaOwner ??= database.AddUser($"ticketrush-migrator{letter}", "ALL PRIVILEGES");
            return new Primary(server, database.AddUser($"ticketrush-app{letter}", "SELECT", "INSERT", "UPDATE"));
        }).ToList();

        return new TicketRushDatabases(hosting.Databases, primaries, schemaOwner!, links);
    }
}

internal static class TicketRushDatabasesExtensions
{
    /// <summary>
    /// Connects an API server to its own primary (connection <c>ticketrush</c>) and, when there are several, to every
    /// primary by name (<c>ticketrush-mysql-a</c>, …) for the tickets homed there, with a monitor login on each one's
    /// incoming replication (<c>replication-mysql-a</c>, …). Starts it once the replication links run.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabases(
        this IResourceBuilder<ProjectResource> server, TicketRushDatabases databases, TicketRushDatabases.Primary own)
    {
        server.WithEnvironment("Database__ServerVersion", databases.ServerVersion)
            .WithReference(own.AppUser, connectionName: TicketRushDatabases.ConnectionName).WaitFor(own.AppUser);
        if (databases.Primaries.Count == 1)
        {
            return server;
        }

        server.WithEnvironment("Database__Name", own.Name);
        if (databases.Topology == DatabaseTopology.Galera)
        {
            return server.WithClusterNodes(databases);
        }

        for (var i = 0; i < databases.Primaries.Count; i++)
        {
            var primary = databases.Primaries[i];
            var incoming = databases.Links.Single(link => link.Resource.Parent == primary.Server.Resource);
            server.WithEnvironment($"Database__Primaries__{i}", primary.Name)
                .WithReference(primary.AppUser, connectionName: $"{TicketRushDatabases.ConnectionName}-{primary.Name}").WaitFor(primary.AppUser)
                .WithReference(incoming, connectionName: $"replication-{primary.Name}").WaitFor(incoming);
        }

        return server;
    }

    /// <summary>
    /// One Galera database: the server writes its own node only (certification orders the nodes' commits), and reads
    /// every node's cluster state for the admin endpoint through the login created on it (<c>ticketrush-mysql-1</c>, …).
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithClusterNodes(this IResourceBuilder<ProjectResource> server, TicketRushDatabases databases)
    {
        for (var i = 0; i < databases.Primaries.Count; i++)
        {
            var node = databases.Primaries[i];
            server.WithEnvironment($"Database__ClusterNodes__{i}", node.Name)
                .WithReference(node.AppUser, connectionName: $"{TicketRushDatabases.ConnectionName}-{node.Name}");
        }

        return server;
    }
}
