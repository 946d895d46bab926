using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketRush.Api.Servers.Health;

/// <summary>
/// Pings every dependency a few times a second, in the background, and keeps the last answer. <c>/health</c> reads it
/// and never waits on a dependency itself, so it answers at once whatever MySQL or Redis do, frozen ones included.
/// </summary>
internal sealed class DependencyProbes(IEnumerable<IDependencyPing> pings, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>An answer older than this means the probing itself is stuck: unhealthy.</summary>
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (bool Healthy, DateTimeOffset At, string? Failure)> _last = new();

    public HealthCheckResult Report(string name) => _last.TryGetValue(name, out var last) switch
    {
        false => HealthCheckResult.Unhealthy("Not probed yet."),
        true when time.GetUtcNow() - last.At > Stale => HealthCheckResult.Unhealthy("The last answer is stale."),
        true when !last.Healthy => HealthCheckResult.Unhealthy(last.Failure),
        _ => HealthCheckResult.Healthy(),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await Task.WhenAll(pings.Select(ping => ProbeAsync(ping, stoppingToken)));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeAsync(IDependencyPing ping, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Extensions.DependencyCheckTimeout);
        try
        {
            // The ping is abandoned, not awaited, past its timeout: a frozen server must not hold the next probe.
            await ping.PingAsync(timeout.Token).WaitAsync(timeout.Token);
            _last[ping.Name] = (true, time.GetUtcNow(), null);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            var failure = exception is OperationCanceledException ? "Did not answer in time." : "Failed to answer.";
            _last[ping.Name] = (false, time.GetUtcNow(), failure);
        }
    }
}
