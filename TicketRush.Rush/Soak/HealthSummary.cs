namespace TicketRush.Rush.Soak;

/// <summary>The health probes taken while a strategy was under load.</summary>
/// <param name="Failures">Probes that were not answered 2xx within <see cref="HealthProbe.Timeout"/>.</param>
/// <param name="TimedOut">Probes not answered at all within <see cref="HealthProbe.Timeout"/>.</param>
/// <param name="Slowest">The longest probe; a timed-out probe counts as its timeout.</param>
public sealed record HealthSummary(int Probes, int Failures, int TimedOut, TimeSpan Slowest)
{
    public static HealthSummary Of(IReadOnlyCollection<HealthProbe> probes) => new(
        probes.Count,
        probes.Count(p => !p.Healthy),
        probes.Count(p => p.TimedOut),
        probes.Count == 0 ? TimeSpan.Zero : probes.Max(p => p.Elapsed));
}
