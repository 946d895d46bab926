using System.Diagnostics;

namespace TicketRush.Rush.Soak;

/// <summary>One <c>GET /health</c> and how it went.</summary>
/// <param name="TimedOut">No answer within <see cref="Timeout"/>: the server is not serving requests.</param>
public sealed record HealthProbe(bool Healthy, bool TimedOut, TimeSpan Elapsed)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static async Task<HealthProbe> RunAsync(HttpClient server, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await server.GetAsync(ApiRoutes.Health, timeout.Token);
            return new HealthProbe(response.IsSuccessStatusCode, TimedOut: false, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthProbe(Healthy: false, TimedOut: true, clock.Elapsed);
        }
        catch (HttpRequestException)
        {
            return new HealthProbe(Healthy: false, TimedOut: false, clock.Elapsed);
        }
    }
}
