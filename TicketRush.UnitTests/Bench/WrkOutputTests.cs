using TicketRush.Bench.Load;

namespace TicketRush.UnitTests.Bench;

/// <summary>The line the benchmark's wrk script prints when a run is done, read back into numbers.</summary>
public sealed class WrkOutputTests
{
    private const string Output = """
        Running 3s test @ http://localhost:8080/api/tickets/7/orders
          1 threads and 32 connections
        wrk-result duration_us=3004512 transport=2 p50=2200 p90=9000 p95=16000 p99=53000 max=81000 status[409 sold-out]=64660 status[503]=4
        Requests/sec:  21520.11
        """;

    [Fact]
    public void Reads_window_outcomes_and_transport_errors()
    {
        var run = WrkOutput.Parse(Output)!;

        Assert.Equal(TimeSpan.FromMicroseconds(3_004_512), run.Duration);
        Assert.Equal(64_660, run.Outcomes["409 sold-out"]);
        Assert.Equal(4, run.Outcomes["503"]);
        Assert.Equal(2, run.Outcomes["transport"]);
    }

    [Theory]
    [InlineData(0.50, 2.2)]
    [InlineData(0.99, 53)]
    [InlineData(1.00, 81)]
    [InlineData(0.98, 53)]
    public void Percentiles_are_wrks_nearest_to_the_one_asked(double fraction, double milliseconds)
    {
        Assert.Equal(milliseconds, WrkOutput.Parse(Output)!.Percentile(fraction).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void No_transport_outcome_without_transport_errors()
    {
        var run = WrkOutput.Parse("wrk-result duration_us=1000000 transport=0 p50=1 p90=1 p95=1 p99=1 max=1 status[ok]=10")!;

        Assert.Equal(["ok"], run.Outcomes.Keys);
    }

    [Fact]
    public void Output_without_the_result_line_is_no_result()
    {
        Assert.Null(WrkOutput.Parse("unable to connect to localhost:8080 Connection refused"));
    }
}
