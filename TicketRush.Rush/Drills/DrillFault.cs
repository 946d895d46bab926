namespace TicketRush.Rush.Drills;

/// <summary>What a drill breaks mid-rush: the process listening on a loopback port, killed or frozen for a while.</summary>
/// <param name="Port">The port whose listener is hit: a server's, MariaDB's or Redis's.</param>
/// <param name="Freeze">How long to freeze it (SIGSTOP, then SIGCONT); null to kill it (SIGKILL).</param>
/// <param name="AwaitRestart">With a kill: the fault lasts until another process listens on the port again (the AppHost's
/// supervisor starts a killed server or Redis again; Redis, kept without persistence, comes back empty).</param>
public sealed record DrillFault(int Port, TimeSpan? Freeze, bool AwaitRestart = false)
{
    /// <summary>How long a killed process may take to be started again by the AppHost.</summary>
    public static readonly TimeSpan RestartWithin = TimeSpan.FromSeconds(60);

    /// <summary>Redis (or any process) killed and started again by the AppHost: with no persistence, it comes back empty.</summary>
    public static DrillFault RestartEmpty(int port) => new(port, Freeze: null, AwaitRestart: true);

    public override string ToString() =>
        Freeze is { } freeze ? FormattableString.Invariant($"the process on port {Port} frozen for {freeze.TotalSeconds:F0} s")
        : AwaitRestart ? FormattableString.Invariant($"the process on port {Port} killed and started again empty")
        : FormattableString.Invariant($"the process on port {Port} killed");

    /// <summary>Breaks it; returns once a freeze is over, or once a process killed to be restarted listens again (a plain kill returns at once).</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        var pid = LocalProcess.ListeningOn(Port) ?? throw new InvalidOperationException($"No local process listens on port {Port}.");
        if (Freeze is not { } freeze)
        {
            LocalProcess.Signal(pid, LocalProcess.SigKill);
            if (AwaitRestart)
            {
                await WaitForRestartAsync(pid, cancellationToken);
            }

            return;
        }

        LocalProcess.Signal(pid, LocalProcess.SigStop);
        try
        {
            await Task.Delay(freeze, cancellationToken);
        }
        finally
        {
            LocalProcess.Signal(pid, LocalProcess.SigCont);
        }
    }

    private async Task WaitForRestartAsync(int killed, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (LocalProcess.ListeningOn(Port) is not { } pid || pid == killed)
        {
            if (clock.Elapsed > RestartWithin)
            {
                throw new InvalidOperationException(
                    $"Nothing listens on port {Port} {RestartWithin.TotalSeconds:F0} s after the kill: the AppHost did not start it again (Hosting:RestartKilledServers).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
