using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketRush.Api.Servers.Health;

/// <summary>A dependency's health as <see cref="DependencyProbes"/> last saw it: no I/O on the probe's request.</summary>
internal sealed class ProbedHealthCheck(DependencyProbes probes, string name) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(probes.Report(name));
}
