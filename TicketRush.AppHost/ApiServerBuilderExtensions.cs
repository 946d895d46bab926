using Microsoft.Extensions.Configuration;

namespace TicketRush.AppHost;

internal static class ApiServerBuilderExtensions
{
    /// <summary>
    /// One TicketRush.Api server with its own fixed port (<c>ApiServers:{name}:Port</c>), reached directly rather
    /// than through a balancing proxy, so a client decides which server gets each request.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddApiServer(this IDistributedApplicationBuilder builder, string name)
    {
        var port = builder.Configuration.GetValue<int?>($"ApiServers:{name}:Port")
            ?? throw new InvalidOperationException($"Configure the port of API server '{name}' as ApiServers:{name}:Port.");

        return builder.AddProject<Projects.TicketRush_Api>(name)
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithEnvironment("Server__Name", name)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithApiSettings(builder.Configuration.GetSection("Api"));
    }

    /// <summary>Passes every setting under the AppHost's <c>Api</c> section to the server (<c>Api:Purchase:RaceWindow</c> → <c>Purchase__RaceWindow</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithApiSettings(this IResourceBuilder<ProjectResource> server, IConfigurationSection settings)
    {
        foreach (var (key, value) in settings.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                server.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return server;
    }
}
