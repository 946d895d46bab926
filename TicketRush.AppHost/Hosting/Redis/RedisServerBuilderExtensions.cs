using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>Redis as a container (Aspire.Hosting.Redis) or from the machine's <c>redis-server</c>, under one connection name.</summary>
public static class RedisServerBuilderExtensions
{
    /// <summary>
    /// The local Redis's memory cap. Everything TicketRush keeps there is state a sale needs (stock counters, leases,
    /// waiting lines, idempotency answers), so at the cap Redis refuses writes (<c>noeviction</c>): purchases then fail
    /// closed with a 503 and a logged OOM error, instead of Redis silently evicting a counter or a lease.
    /// </summary>
    public const string MaxMemory = "256mb";

    /// <summary>
    /// Adds Redis the way <paramref name="plan"/> says. Both ways require a password: the container
    /// integration generates its own; local mode generates the secret parameter <c>{name}-password</c>.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name, also the connection-string name clients use.</param>
    /// <param name="plan">The resolved hosting plan.</param>
    /// <returns>A builder of a resource clients can reference and wait for.</returns>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedisServer(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, HostingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(plan);

        if (plan.Mode == HostingMode.Container)
        {
            return builder.AddRedis(name);
        }

        var folder = PrivateFiles.CreateDirectory(Path.Combine(plan.DataDirectory, name));
        var port = FreePort.Next();
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var resource = new RedisExecutableServerResource(name, plan.LocalBinaries.RedisServer, folder, password);

        // Written before every start (also a restart from the dashboard), so a changed password takes effect.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, cancellationToken) =>
            await PrivateFiles.WriteSecretAsync(resource.ConfigFile, Config(await password.GetValueAsync(cancellationToken)), cancellationToken));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("The Redis connection string is not known yet."),
            name: healthCheckKey);

        // The config file must come first; the options after it override or add to it.
        return builder.AddResource(resource)
            .WithEndpoint(name: RedisExecutableServerResource.PrimaryEndpointName, port: port, targetPort: port, isProxied: false)
            .WithArgs(resource.ConfigFile, "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder,
                "--maxmemory", MaxMemory, "--maxmemory-policy", "noeviction")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>The config file's text: the password, quoted the way redis.conf reads a string.</summary>
    private static string Config(string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"requirepass \"{quoted}\"\n";
    }
}
