using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace TicketRush.AppHost.Hosting;

/// <summary>
/// Stops every .NET project of the system as soon as the AppHost stops, and waits (bounded) until they have drained.
/// DCP runs a project under <c>dotnet run</c> and asks that wrapper to stop with SIGINT, which the wrapper ignores (it
/// expects a terminal to deliver Ctrl+C to the server itself), so the servers outlived the AppHost by ~13 s until DCP
/// escalated. SIGTERM to the wrapper reaches the server, which drains and exits in under a second.
/// </summary>
internal sealed class ProjectStopper(DistributedApplicationModel model, ResourceNotificationService notifications) : IHostedService
{
    // A server drains for at most its HostOptions:ShutdownTimeout (6 s); past this DCP's own cleanup remains.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(8);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // The front door first: a project that waits for others and that nobody waits for (the gateway) stops before
        // the rest, so it never probes a server that is already gone.
        var projects = model.Resources.OfType<ProjectResource>().ToList();
        var frontDoors = projects.Where(project => projects.Any(other => WaitsFor(project, other)) && !projects.Any(other => WaitsFor(other, project)));
        await StopAsync(frontDoors, cancellationToken);
        await StopAsync(projects, cancellationToken);
    }

    private static bool WaitsFor(ProjectResource waiting, ProjectResource project) =>
        waiting.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource == project);

    private async Task StopAsync(IEnumerable<ProjectResource> projects, CancellationToken cancellationToken)
    {
        List<Process> wrappers = [.. projects.Select(WrapperOf).OfType<Process>()];
        try
        {
            List<Process> signalled = [.. wrappers.Where(wrapper => ResourceProcess.Signal(wrapper.Id, ResourceProcess.SigTerm))];
            await Task.WhenAll(signalled.Select(wrapper => wrapper.WaitForExitAsync(cancellationToken))).WaitAsync(DrainLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A project still draining is left to DCP's own cleanup.
        }
        finally
        {
            wrappers.ForEach(wrapper => wrapper.Dispose());
        }
    }

    private Process? WrapperOf(ProjectResource project)
    {
        if (!notifications.TryGetCurrentState(project.Name, out var state)
            || state.Snapshot.State?.Text != KnownResourceStates.Running
            || ResourceProcess.IdOf(notifications, project.Name) is not { } pid)
        {
            return null;
        }

        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // Already gone.
        }
    }
}
