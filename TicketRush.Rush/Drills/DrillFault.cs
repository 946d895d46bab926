namespace TicketRush.Rush.Drills;

/// <summary>What a drill breaks mid-rush: the process listening on a loopback port, killed or frozen for a while.</summary>
/// <param name="Port">The port whose listener is hit: a server's, MariaDB's or Redis's.</param>
/// <param name="Freeze">How long to freeze it (SIGSTOP, then SIGCONT); null to kill it (SIGKILL).</param>
public sealed record DrillFault(int Port, TimeSpan? Freeze)
{
    public override string ToString() =>
        Freeze is { } freeze
            ? FormattableString.Invariant($"the process on port {Port} frozen for {freeze.TotalSeconds:F0} s")
            : FormattableString.Invariant($"the process on port {Port} killed");

    /// <summary>Breaks it; returns once a freeze is over (a kill returns at once).</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        var pid = LocalProcess.ListeningOn(Port) ?? throw new InvalidOperationException($"No local process listens on port {Port}.");
        if (Freeze is not { } freeze)
        {
            LocalProcess.Signal(pid, LocalProcess.SigKill);
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
}
