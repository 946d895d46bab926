namespace TicketRush.Bench;

/// <summary>
/// Watches for the integration test suite on this machine and cancels the run when it appears: its load would distort
/// these numbers, and ours would break its timing-sensitive tests. A run is only worth anything on an otherwise idle box.
/// </summary>
internal static class TestRunGuard
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly string[] Markers = ["testhost", "dotnet test", "vstest.console"];

    // Not the integration suite: the unit tests start no AppHost, and a `flock` wrapper (`timeout N flock LOCK dotnet
    // test …`) waiting for the shared integration-test lock, which this bench holds on a shared box, runs nothing until
    // we are done; once it holds the lock, the suite it starts shows up as a process of its own.
    private static readonly string[] NotASuite = ["UnitTests"];

    /// <summary>The first process that looks like a test run, or null.</summary>
    public static string? FindTestRun()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("flock ", StringComparison.Ordinal) || NotASuite.Any(n => commandLine.Contains(n, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (Markers.FirstOrDefault(m => commandLine.Contains(m, StringComparison.Ordinal)) is { } marker)
                {
                    return $"{marker} (pid {Path.GetFileName(directory)})";
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A process that ended while we looked, or one we may not read: not a test run we can see.
            }
        }

        return null;
    }

    /// <summary>Polls until <paramref name="stop"/> is cancelled; cancels <paramref name="run"/> and reports when a test run appears.</summary>
    /// <returns>The test run found, or null when none appeared.</returns>
    public static async Task<string?> WatchAsync(CancellationTokenSource run, Action<string> log, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (FindTestRun() is { } found)
                {
                    log($"the test suite started ({found}): stopping the load, this run's numbers would be worthless");
                    await run.CancelAsync();
                    return found;
                }

                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }
}
