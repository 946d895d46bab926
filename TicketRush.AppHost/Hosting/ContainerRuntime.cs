using System.Diagnostics;

namespace TicketRush.AppHost.Hosting;

/// <summary>Whether Docker or Podman answers on this machine (a CLI alone, without an engine, does not count).</summary>
public static class ContainerRuntime
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Asks <c>ASPIRE_CONTAINER_RUNTIME</c>'s runtime, or Docker then Podman, for <c>info</c>.</summary>
    /// <returns><see langword="true"/> when one of them answers within ten seconds.</returns>
    public static bool Answers()
    {
        var preferred = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME");
        string[] candidates = string.IsNullOrEmpty(preferred) ? ["docker", "podman"] : [preferred];
        return candidates.Any(Answers);
    }

    private static bool Answers(string runtime)
    {
        if (ExecutableLocator.Find(runtime) is not { } path)
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
