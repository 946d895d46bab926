using Aspire.Hosting.ApplicationModel;
using TicketRush.AppHost.Hosting;

namespace TicketRush.AppHost;

/// <summary>
/// The ticketrush database on every primary of the chosen topology, the servers' least-privilege login on each, the
/// schema owner on the first (its migration replicates to the others), and the replication links between them.
/// </summary>
internal sealed record TicketRushDatabases(
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

    /// <summary><c>mysql</c> alone, or <c>mysql-a</c> and <c>mysql-b</c> replicating each other; resource names carry the primary's letter when there are several.</summary>
    public static TicketRushDatabases Add(IDistributedApplicationBuilder builder, HostingPlan hosting)
    {
        var (servers, links) = hosting.Databases == DatabaseTopology.TwoPrimaries
            ? builder.AddMySqlPrimaryPair("mysql", hosting)
            : ([builder.AddMySqlServer("mysql", hosting)], []);

        IResourceBuilder<MySqlUserResource>? schemaOwner = null;
        var primaries = servers.Select(server =>
        {
            var letter = server.Resource.Name["mysql".Length..];
            var database = server.AddDatabase($"{ConnectionName}{letter}", ConnectionName);
            schemaOwner ??= database.AddUser($"ticketrush-migrator{letter}", "ALL PRIVILEGES");
            return new Primary(server, database.AddUser($"ticketrush-app{letter}", "SELECT", "INSERT", "UPDATE"));
        }).ToList();

        return new TicketRushDatabases(primaries, schemaOwner!, links);
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
}
