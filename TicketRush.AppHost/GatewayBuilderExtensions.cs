using Microsoft.Extensions.Configuration;

namespace TicketRush.AppHost;

internal static class GatewayBuilderExtensions
{
    /// <summary>
    /// The front door: one address (<c>Gateway:Port</c>, default 8000) that balances over the API servers, routes around
    /// a dead one, and retries only what cannot buy twice. The servers stay directly addressable beside it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(
        this IDistributedApplicationBuilder builder, IReadOnlyList<IResourceBuilder<ProjectResource>> servers)
    {
        var gateway = builder.AddProject<Projects.TicketRush_Gateway>("gateway")
            .WithHttpEndpoint(port: builder.Configuration.GetValue("Gateway:Port", 8000), isProxied: false)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithHttpHealthCheck(ApiRoutes.Health);
        foreach (var server in servers)
        {
            // YARP's own configuration keys: one destination of the "servers" cluster per API server.
            gateway.WithEnvironment($"ReverseProxy__Clusters__servers__Destinations__{server.Resource.Name}__Address", server.GetEndpoint("http"))
                .WaitFor(server);
        }

        return gateway;
    }
}
