namespace TicketRush.Rush.Soak;

/// <summary>Probes every server's <c>GET /health</c> during and after a soak.</summary>
public static class HealthWatch
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How long servers get, once the load stops, to answer their health checks again.</summary>
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Probes every server each <see cref="ProbeInterval"/> until <paramref name="until"/> is cancelled.</summary>
    public static async Task<HealthSummary> WatchAsync(IReadOnlyList<HttpClient> servers, CancellationToken until, CancellationToken cancellationToken)
    {
        // Probes are not awaited one by one: a hung server would otherwise stretch the interval to the probe timeout.
        var probes = new List<Task<HealthProbe>>();
        using var timer = new PeriodicTimer(ProbeInterval);
        try
        {
            do
            {
                probes.AddRange(servers.Select(server => HealthProbe.RunAsync(server, cancellationToken)));
            }
            while (await timer.WaitForNextTickAsync(until));
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        return HealthSummary.Of(await Task.WhenAll(probes));
    }

    /// <summary>
    /// Probes every server until all answer healthy or <see cref="RecoveryTimeout"/> passes, and returns the servers
    /// healthy in the last round: all of them once they recovered.
    /// </summary>
    public static async Task<IReadOnlyList<HttpClient>> WaitForRecoveryAsync(IReadOnlyList<HttpClient> servers, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + RecoveryTimeout;
        while (true)
        {
            var probes = await Task.WhenAll(servers.Select(server => HealthProbe.RunAsync(server, cancellationToken)));
            var healthy = servers.Where((_, i) => probes[i].Healthy).ToList();
            if (healthy.Count == servers.Count || DateTimeOffset.UtcNow >= deadline)
            {
                return healthy;
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}
