using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>Redis as a container (Aspire.Hosting.Redis) or from the machine's <c>redis-server</c>, under one connection name.</summary>
public static class RedisServerBuilderExtensions
{
    /// <summary>Adds Redis the way <paramref name="plan"/> says.</summary>
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

        var folder = Directory.CreateDirectory(Path.Combine(plan.DataDirectory, name)).FullName;
        var port = FreePort.Next();
        var resource = new RedisExecutableServerResource(name, plan.LocalBinaries.RedisServer, folder);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("The Redis connection string is not known yet."),
            name: healthCheckKey);

        return builder.AddResource(resource)
            .WithEndpoint(name: RedisExecutableServerResource.PrimaryEndpointName, port: port, targetPort: port, isProxied: false)
            .WithArgs("--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder)
            .WithHealthCheck(healthCheckKey);
    }
}
