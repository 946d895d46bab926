using System.Globalization;
using System.Runtime.InteropServices;

namespace TicketRush.Rush.Drills;

/// <summary>
/// The local process behind a loopback port, and the signals a drill sends it (Linux): SIGKILL as a crash, SIGSTOP and
/// SIGCONT as a freeze (sockets open, nothing answered).
/// </summary>
public static class LocalProcess
{
    public const int SigKill = 9;
    public const int SigCont = 18;
    public const int SigStop = 19;

    private const string ListenState = "0A";

    /// <summary>The process holding the listening socket of <paramref name="port"/>, found through <c>/proc</c>; null when none.</summary>
    public static int? ListeningOn(int port)
    {
        var sockets = new HashSet<string>();
        foreach (var line in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(table => File.ReadLines(table).Skip(1)))
        {
            // "sl local_address rem_address st … inode": the local address is hex IP:PORT.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = fields[1];
            if (fields[3] == ListenState && int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            {
                sockets.Add($"socket:[{fields[9]}]");
            }
        }

        foreach (var process in sockets.Count == 0 ? [] : Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && sockets.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended, or is not ours to look into.
            }
        }

        return null;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; throws when it could not be delivered.</summary>
    public static void Signal(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0)
        {
            throw new InvalidOperationException($"Signal {signal} to process {pid} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
