using Aspire.Hosting.ApplicationModel;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>
/// A Galera cluster of local MariaDB nodes (Debian's <c>galera-4</c>): every node a primary, each commit certified by
/// the whole cluster before it is acknowledged. Node 1 bootstraps; each next node joins once the one before is synced,
/// receiving the data by rsync state transfer. One root password for all: a joiner's accounts are node 1's.
/// </summary>
public static class MySqlGaleraBuilderExtensions
{
    /// <summary>How many nodes: two serve the API servers; the third keeps a majority when either of them is lost.</summary>
    public const int NodeCount = 3;

    /// <summary>Adds <c>{name}-1</c> … <c>{name}-3</c>, each healthy while it is a synced member of a cluster with quorum.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The prefix of the nodes' names, also the cluster's name.</param>
    /// <param name="plan">The resolved hosting plan: local MariaDB binaries.</param>
    /// <returns>The nodes, in bootstrap order.</returns>
    public static IReadOnlyList<IResourceBuilder<IMySqlServerResource>> AddMySqlGaleraCluster(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, HostingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(plan);

        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var nodes = new List<IResourceBuilder<IMySqlServerResource>>();
        foreach (var role in MySqlGaleraNode.Cluster(name, NodeCount))
        {
            var node = MySqlBuilderExtensions.AddMySqlServer(builder, $"{name}-{role.Number}", plan, role, password);
            node.WithHealthCheck(MySqlBuilderExtensions.AddConnectionHealthCheck(
                builder, node.Resource, connectionString => new MySqlGaleraHealthCheck(connectionString), $"{node.Resource.Name}_galera_check"));
            if (nodes.Count > 0 && node.Resource is IResourceWithWaitSupport joiner)
            {
                // One state transfer at a time, each from a synced donor.
                builder.CreateResourceBuilder(joiner).WaitFor(nodes[^1]);
            }

            nodes.Add(node);
        }

        return nodes;
    }
}
