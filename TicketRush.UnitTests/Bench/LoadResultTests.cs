using TicketRush.Bench.Load;

namespace TicketRush.UnitTests.Bench;

/// <summary>A load's rates and percentiles, from recorded samples or from a tool's totals.</summary>
public sealed class LoadResultTests
{
    private static LoadResult FromSamples() => new(4, TimeSpan.FromSeconds(2),
        [.. Enumerable.Range(1, 100).Select(ms => new LoadSample(TimeSpan.FromMilliseconds(ms), ms <= 10 ? "201" : "409 sold-out"))]);

    [Fact]
    public void Rates_count_outcomes_by_prefix_over_the_whole_window()
    {
        var load = FromSamples();

        Assert.Equal(100, load.Count);
        Assert.Equal(50, load.Throughput);
        Assert.Equal(5, load.RateOf("201"));
        Assert.Equal(45, load.RateOf("409"));
    }

    [Fact]
    public void Percentiles_of_samples_are_the_nearest_rank()
    {
        var load = FromSamples();

        Assert.Equal(TimeSpan.FromMilliseconds(50), load.Percentile(0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(99), load.Percentile(0.99));
        Assert.Equal(TimeSpan.FromMilliseconds(100), load.Max);
    }

    [Fact]
    public void A_summary_counts_every_outcome_and_asks_its_own_percentiles()
    {
        var load = new LoadResult(64, TimeSpan.FromSeconds(4), new Dictionary<string, int> { ["409 sold-out"] = 80_000, ["transport"] = 2 },
            fraction => TimeSpan.FromMilliseconds(fraction * 100));

        Assert.Equal(80_002, load.Count);
        Assert.Equal(20_000, load.RateOf("409 sold-out"));
        Assert.Equal(TimeSpan.FromMilliseconds(99), load.Percentile(0.99));
        Assert.Equal(TimeSpan.FromMilliseconds(100), load.Max);
    }
}
