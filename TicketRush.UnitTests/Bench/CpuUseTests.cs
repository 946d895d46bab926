using System.Diagnostics;
using TicketRush.Bench;
using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Load;
using TicketRush.Bench.Report;

namespace TicketRush.UnitTests.Bench;

public sealed class CpuUseTests
{
    [Fact]
    public void Others_are_the_busy_cores_none_of_ours_used_and_idle_the_rest()
    {
        var use = new CpuUse(TimeSpan.FromSeconds(2), Busy: 1.8, Cores: 2, new Dictionary<string, double> { [CpuUse.Servers] = 0.6, ["mariadbd"] = 0.2 });

        Assert.Equal(1.0, use.Others, 6);
        Assert.Equal(0.2, use.Idle, 6);
        Assert.Equal("TicketRush.Api 0.60, mariadbd 0.20, others 1.00, idle 0.20", use.Summary());
    }

    [Fact]
    public void Server_CPU_per_request_is_the_servers_core_seconds_over_the_requests()
    {
        var use = new CpuUse(TimeSpan.FromSeconds(2), 1, 2, new Dictionary<string, double> { [CpuUse.Servers] = 0.5 });

        Assert.Equal(100.0, use.ServerMicrosecondsPer(10_000)!.Value, 6);
        Assert.Null(use.ServerMicrosecondsPer(0));
        Assert.Null(new CpuUse(TimeSpan.FromSeconds(2), 1, 2, new Dictionary<string, double>()).ServerMicrosecondsPer(10));
    }

    [Fact]
    public async Task Work_done_by_this_process_during_the_window_counts_as_the_bench_client()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (spun, use) = await CpuUse.MeasureAsync(() => Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var n = 0L;
            while (clock.ElapsedMilliseconds < 300)
            {
                n++;
            }

            return n;
        }));

        Assert.True(spun > 0);
        Assert.NotNull(use);
        // On a shared machine the spin may get only part of a core; it is never nobody's.
        Assert.True(use.Ours.GetValueOrDefault(CpuUse.BenchClient) > 0.05, use.Summary());
        // /proc counts in 10 ms ticks, so over a short window the machine's busy cores are only roughly bounded by its count.
        Assert.True(use.Busy > 0, use.Summary());
    }

    [Fact]
    public void The_HTTP_ceiling_by_wrk_is_the_native_twin_of_the_one_by_our_client()
    {
        var ceilings = new List<Ceiling>
        {
            new("e", "GET /alive", "", new LoadResult(64, TimeSpan.FromSeconds(1), new Dictionary<string, int> { [Ceilings.Succeeded] = 5_000 }, _ => TimeSpan.Zero)),
            new("f", "GET /alive, wrk", "", new LoadResult(64, TimeSpan.FromSeconds(1), new Dictionary<string, int> { [Ceilings.Succeeded] = 9_000 }, _ => TimeSpan.Zero)),
        };

        Assert.Equal("f", Ceilings.NativeKey("e"));
        Assert.Equal("f", Ceilings.Higher(ceilings, "e")!.Key);
    }

    [Fact]
    public void Api_settings_are_key_value_pairs()
    {
        Assert.Equal(["Purchase:TransactionsInFlightPerTicket=0", "Purchase:Deadline=00:00:05"],
            BenchPlan.Parse(["--api", "Purchase:TransactionsInFlightPerTicket=0,Purchase:Deadline=00:00:05"]).ApiSettings);
        Assert.Empty(BenchPlan.Parse([]).ApiSettings);
        Assert.Throws<ArgumentException>(() => BenchPlan.Parse(["--api", "Purchase"]));
    }
}
