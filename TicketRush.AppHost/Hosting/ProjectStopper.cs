using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
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

    private const int SigTerm = 15;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        List<Process> wrappers = [.. model.Resources.OfType<ProjectResource>().Select(WrapperOf).OfType<Process>()];
        try
        {
            List<Process> signalled = [.. wrappers.Where(wrapper => SendSignal(wrapper.Id, SigTerm) == 0)];
            await Task.WhenAll(signalled.Select(wrapper => wrapper.WaitForExitAsync(cancellationToken))).WaitAsync(DrainLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A server still draining is left to DCP's own cleanup.
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
            || state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } pid)
        {
            return null;
        }

        try
        {
            return Process.GetProcessById(Convert.ToInt32(pid, CultureInfo.InvariantCulture));
        }
        catch (ArgumentException)
        {
            return null; // Already gone.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
