namespace TicketRush.Bench.Load;

/// <summary>
/// A load's outcome counts and latencies, from every operation's recorded sample (our own client) or from the totals
/// and percentiles an external tool reports (wrk).
/// </summary>
internal sealed class LoadResult
{
    private readonly Func<double, TimeSpan> _percentile;

    public LoadResult(int concurrency, TimeSpan elapsed, IReadOnlyList<LoadSample> samples)
        : this(concurrency, elapsed,
            samples.GroupBy(s => s.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            Percentiles([.. samples.Select(s => s.Elapsed).Order()]))
    {
    }

    /// <param name="percentile">The latency below which a fraction (0 to 1) of the operations finished; 1 is the slowest.</param>
    public LoadResult(int concurrency, TimeSpan elapsed, IReadOnlyDictionary<string, int> outcomes, Func<double, TimeSpan> percentile)
    {
        Concurrency = concurrency;
        Elapsed = elapsed;
        Outcomes = outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary();
        Count = outcomes.Values.Sum();
        _percentile = percentile;
    }

    public int Concurrency { get; }

    public TimeSpan Elapsed { get; }

    public int Count { get; }

    /// <summary>Operations per second, whatever their outcome.</summary>
    public double Throughput => PerSecond(Count);

    public IReadOnlyDictionary<string, int> Outcomes { get; }

    /// <summary>Operations whose outcome starts with <paramref name="prefix"/> (e.g. <c>"201"</c>, <c>"409"</c>).</summary>
    public int CountOf(string prefix) => Outcomes.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(o => o.Value);

    /// <summary>Operations with outcome prefix <paramref name="prefix"/> per second of the whole load.</summary>
    public double RateOf(string prefix) => PerSecond(CountOf(prefix));

    public TimeSpan Percentile(double fraction) => _percentile(fraction);

    public TimeSpan Max => _percentile(1);

    private double PerSecond(int count) => Elapsed > TimeSpan.Zero ? count / Elapsed.TotalSeconds : 0;

    private static Func<double, TimeSpan> Percentiles(TimeSpan[] sorted) => fraction =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
