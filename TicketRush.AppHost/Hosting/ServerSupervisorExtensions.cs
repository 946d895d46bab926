using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketRush.AppHost.Hosting;

internal static class ServerSupervisorExtensions
{
    /// <summary>
    /// Supervises <paramref name="servers"/> (the API servers, and Redis: killed, it comes back empty, having no
    /// persistence): each one killed is started again after <c>Hosting:ServerRestartDelay</c> (default 2 s), unless
    /// <c>Hosting:RestartKilledServers</c> is false.
    /// </summary>
    public static IDistributedApplicationBuilder AddServerSupervisor(
        this IDistributedApplicationBuilder builder, IEnumerable<IResourceBuilder<IResource>> servers)
    {
        if (!builder.Configuration.GetValue(ServerSupervisor.EnabledKey, true))
        {
            return builder;
        }

        var names = servers.Select(server => server.Resource.Name).ToHashSet();
        var delay = builder.Configuration.GetValue(ServerSupervisor.DelayKey, ServerSupervisor.DefaultDelay);
        builder.Services.AddHostedService(services => new ServerSupervisor(
            services.GetRequiredService<ResourceNotificationService>(),
            services.GetRequiredService<ResourceCommandService>(),
            services.GetRequiredService<IHostApplicationLifetime>(),
            services.GetRequiredService<ILogger<ServerSupervisor>>(),
            names,
            delay));
        return builder;
    }
}
