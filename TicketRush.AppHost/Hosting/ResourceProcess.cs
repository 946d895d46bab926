using System.Globalization;
using System.Runtime.InteropServices;

namespace TicketRush.AppHost.Hosting;

/// <summary>
/// The operating-system process behind a running resource, and Linux signals to it (sent through libc rather than a
/// <c>kill</c> binary the machine may not have). For a project that process is DCP's <c>dotnet run</c> wrapper of the server.
/// </summary>
public static class ResourceProcess
{
    /// <summary>Asks a process to stop gracefully.</summary>
    public const int SigTerm = 15;

    /// <summary>Lets a process frozen by <see cref="SigStop"/> go on.</summary>
    public const int SigCont = 18;

    /// <summary>Freezes a process: it keeps its sockets open but runs nothing, as a stalled disk or a long pause would.</summary>
    public const int SigStop = 19;

    /// <summary>The process id DCP reports for <paramref name="resource"/>, or null when it has none (not started, or not an executable).</summary>
    public static int? IdOf(ResourceNotificationService notifications, string resource) =>
        notifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Sends <paramref name="signal"/>; false (see <see cref="Marshal.GetLastPInvokeError"/>) when it could not be delivered.</summary>
    public static bool Signal(int pid, int signal) => SendSignal(pid, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
