namespace TicketRush.Bench.Load;

/// <summary>Every operation a load ran, with the wall time it took; throughput and percentiles come from these recorded samples.</summary>
public sealed class LoadResult(int concurrency, TimeSpan elapsed, IReadOnlyList<LoadSample> samples)
{
    private readonly TimeSpan[] _sorted = [.. samples.Select(s => s.Elapsed).Order()];

    public int Concurrency { get; } = concurrency;

    public TimeSpan Elapsed { get; } = elapsed;

    public int Count => _sorted.Length;

    /// <summary>Operations per second, whatever their outcome.</summary>
    public double Throughput => PerSecond(Count);

    public IReadOnlyDictionary<string, int> Outcomes { get; } =
        samples.GroupBy(s => s.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Operations whose outcome starts with <paramref name="prefix"/> (e.g. <c>"201"</c>, <c>"409"</c>).</summary>
    public int CountOf(string prefix) => Outcomes.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(o => o.Value);

    /// <summary>Operations with outcome prefix <paramref name="prefix"/> per second of the whole load.</summary>
    public double RateOf(string prefix) => PerSecond(CountOf(prefix));

    public TimeSpan Percentile(double fraction) =>
        _sorted.Length == 0 ? TimeSpan.Zero : _sorted[Math.Max(0, (int)Math.Ceiling(fraction * _sorted.Length) - 1)];

    public TimeSpan Max => _sorted.Length == 0 ? TimeSpan.Zero : _sorted[^1];

    private double PerSecond(int count) => Elapsed > TimeSpan.Zero ? count / Elapsed.TotalSeconds : 0;
}
