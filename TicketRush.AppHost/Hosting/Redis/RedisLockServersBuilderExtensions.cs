using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>The independent Redis servers the <c>redlock</c> strategy takes its lock on, by quorum (Redlock).</summary>
public static class RedisLockServersBuilderExtensions
{
    /// <summary>The AppHost setting: how many lock servers to run.</summary>
    public const string LockServersKey = "Redis:LockServers";

    /// <summary>The default: three servers, so one may fail and a majority (two) still grants the lock.</summary>
    public const int DefaultLockServers = 3;

    /// <summary>
    /// Adds <c>redis-lock-1</c> … <c>redis-lock-N</c> (N = <c>Redis:LockServers</c>, default 3), each a Redis server like
    /// the main one, sharing nothing with it or each other. With N = 1 none is added: the lock stays on the main Redis.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="plan">The resolved hosting plan.</param>
    /// <returns>The lock servers, none for a single-Redis setup.</returns>
    public static IReadOnlyList<IResourceBuilder<IResourceWithConnectionString>> AddRedisLockServers(
        this IDistributedApplicationBuilder builder, HostingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(plan);

        var count = builder.Configuration.GetValue(LockServersKey, DefaultLockServers);
        if (count < 1)
        {
            throw new InvalidOperationException($"{LockServersKey} must be at least 1 (1: the lock uses the main Redis), not {count}.");
        }

        return count == 1
            ? []
            : [.. Enumerable.Range(1, count).Select(i => builder.AddRedisServer($"redis-lock-{i}", plan))];
    }

    /// <summary>
    /// Gives <paramref name="server"/> the lock servers' connection strings and names them in its
    /// <c>Strategies:RedLock:Servers</c>; the server waits for each, like for the main Redis.
    /// </summary>
    /// <param name="server">An API server.</param>
    /// <param name="lockServers">The lock servers from <see cref="AddRedisLockServers"/>.</param>
    /// <returns>The same builder.</returns>
    public static IResourceBuilder<ProjectResource> WithRedisLockServers(
        this IResourceBuilder<ProjectResource> server, IReadOnlyList<IResourceBuilder<IResourceWithConnectionString>> lockServers)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(lockServers);

        for (var i = 0; i < lockServers.Count; i++)
        {
            server.WithReference(lockServers[i]).WaitFor(lockServers[i])
                .WithEnvironment($"Strategies__RedLock__Servers__{i}", lockServers[i].Resource.Name);
        }

        return server;
    }
}
