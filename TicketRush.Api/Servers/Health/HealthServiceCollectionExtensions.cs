using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketRush.Api.Servers.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>Probes <typeparamref name="TPing"/> in the background and reports it in <c>/health</c> (tag <c>ready</c>).</summary>
    public static IServiceCollection AddProbedDependency<TPing>(this IServiceCollection services, string name)
        where TPing : class, IDependencyPing
    {
        services.AddSingleton<IDependencyPing, TPing>();
        if (!services.Any(s => s.ServiceType == typeof(DependencyProbes)))
        {
            services.AddSingleton<DependencyProbes>();
            services.AddHostedService(provider => provider.GetRequiredService<DependencyProbes>());
        }

        services.AddHealthChecks().Add(new HealthCheckRegistration(
            name, provider => new ProbedHealthCheck(provider.GetRequiredService<DependencyProbes>(), name), HealthStatus.Unhealthy, ["ready"]));
        return services;
    }
}
