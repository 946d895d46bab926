using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Load;

namespace TicketRush.UnitTests.Bench;

/// <summary>The native tools' reports as they print them, and which of a ceiling's two measurements a ratio uses.</summary>
public sealed class NativeCeilingsTests
{
    [Fact]
    public void Slap_time_is_read_from_its_benchmark_report()
    {
        const string printed = """
            Benchmark
            	Average number of seconds to run all queries: 3.018 seconds
            	Minimum number of seconds to run all queries: 3.018 seconds
            	Maximum number of seconds to run all queries: 3.018 seconds
            	Number of clients running queries: 64
            	Average number of queries per client: 312

            """;

        Assert.Equal(3.018, MariaDbSlap.ParseSeconds(printed));
        Assert.Null(MariaDbSlap.ParseSeconds("mariadb-slap: Error when connecting to server"));
    }

    [Fact]
    public void Redis_benchmark_rate_is_its_last_report_not_a_progress_line()
    {
        const string printed = "EVALSHA abc 3 k1 k2 k3 __rand_int__ 30000: rps=81234.0 (overall: 80000.0) avg_msec=0.700\r" +
            "EVALSHA abc 3 k1 k2 k3 __rand_int__ 30000: 94786.00 requests per second, p50=0.343 msec\n";

        Assert.Equal(94_786, RedisBenchmark.ParseRate(printed));
        Assert.Null(RedisBenchmark.ParseRate("Could not connect to Redis"));
    }

    [Fact]
    public void A_ratio_uses_the_higher_of_our_clients_ceiling_and_the_native_tools()
    {
        static Ceiling Measured(string key, int perSecond) =>
            new(key, key, "", new LoadResult(64, TimeSpan.FromSeconds(1), new Dictionary<string, int> { [Ceilings.Succeeded] = perSecond }, _ => TimeSpan.Zero));
        Ceiling[] ceilings = [Measured("a", 700), Measured(Ceilings.NativeKey("a"), 3_500), Measured("b", 1_600), Measured(Ceilings.NativeKey("b"), 1_500)];

        Assert.Equal(Ceilings.NativeKey("a"), Ceilings.Higher(ceilings, "a")!.Key);
        Assert.Equal("b", Ceilings.Higher(ceilings, "b")!.Key);
        Assert.Null(Ceilings.Higher(ceilings, "c"));
    }
}
