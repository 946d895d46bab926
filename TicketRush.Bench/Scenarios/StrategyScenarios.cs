using MySqlConnector;
using StackExchange.Redis;
using TicketRush.Bench.Load;
using TicketRush.Rush;

namespace TicketRush.Bench.Scenarios;

/// <summary>
/// Runs one strategy through HTTP on both servers: a warm-up (untimed), the study's rush, an oversubscribed drop and
/// a sustained sale. Every scenario gets a fresh ticket, and buyer <c>n</c> goes to server <c>n mod 2</c>.
/// </summary>
internal sealed class StrategyScenarios(BenchSystem system, MySqlDataSource database, IServer redis, BenchPlan plan, Action<string> log)
{
    // The API's largest stock: more than a sustained window can sell at 64 in flight on a small machine.
    private const int OpenStock = 1_000_000;

    // Eight buyers per server: the issue's light-load latency target.
    public const int LightConcurrency = 16;

    /// <param name="results">Each scenario's result is added as it finishes, so a run stopped early keeps the finished ones.</param>
    public async Task RunAsync(StrategyDescriptor strategy, List<ScenarioResult> results, CancellationToken cancellationToken)
    {
        log($"{strategy.Name}: warm-up {plan.StrategyWarmup.TotalSeconds:F0} s (untimed)");
        var warmup = await CreateTicketAsync(strategy.Name, OpenStock, "warm-up", cancellationToken);
        await LoadAsync(warmup, plan.StrategyWarmup, OpenStock, cancellationToken);

        Func<StrategyDescriptor, CancellationToken, Task<ScenarioResult>>[] scenarios = Wrk.IsInstalled
            ? [RushAsync, DropAsync, SoldOutAsync, SustainedAsync, LightAsync]
            : [RushAsync, DropAsync, SustainedAsync, LightAsync];
        foreach (var scenario in scenarios)
        {
            var before = await ServerCounters.ReadAsync(database, redis, cancellationToken);
            var result = await scenario(strategy, cancellationToken);
            result = result with { Counters = await ServerCounters.ReadAsync(database, redis, cancellationToken) - before };
            results.Add(result);
            log($"  {result.Scenario}: {result.Load.Throughput:F0} req/s, {result.SalesRate:F0} sales/s, " +
                $"p50/p99 {result.Load.Percentile(0.5).TotalMilliseconds:F1}/{result.Load.Percentile(0.99).TotalMilliseconds:F1} ms, " +
                $"sold {result.Audit.Orders}/{result.Audit.Stock} in {result.Audit.Commits} commits ({result.Audit.OrdersPerCommit:F1} per commit), invariants {result.InvariantsHeld?.ToString() ?? "not judged"}" +
                (result.FirstServerError is { } error ? $"; first 5xx: {error}" : ""));
            log($"  CPU (cores): {result.Cpu?.Summary() ?? "not readable"}");
        }
    }

    private async Task<ScenarioResult> RushAsync(StrategyDescriptor strategy, CancellationToken cancellationToken)
    {
        log($"{strategy.Name}: rush, {plan.RushBuyers} distinct buyers released at once on stock {plan.RushStock}");
        var (verdict, cpu) = await CpuUse.MeasureAsync(() => RushRunner.RunAsync(system.Servers, system.AdminKey, strategy.Name, plan.RushStock,
            RushRunner.DistinctBuyers(plan.RushBuyers), cancellationToken));
        var samples = verdict.Attempts.Select(a => new LoadSample(a.Elapsed, Outcome(a))).ToList();
        var load = new LoadResult(plan.RushBuyers, verdict.Elapsed, samples);
        return new ScenarioResult(strategy.Name, "rush", $"{plan.RushBuyers} buyers at once / {plan.RushStock} stock",
            strategy.SafeAcrossServers, load, await TicketAudit.ReadAsync(database, verdict.After.Id, cancellationToken),
            verdict.Attempts.FirstOrDefault(a => a.Status is >= 500 or RushAttempt.TransportFailure) is { } failure
                ? $"{failure.Status} {failure.Code}: {failure.Detail}"
                : null) { Cpu = cpu };
    }

    private async Task<ScenarioResult> DropAsync(StrategyDescriptor strategy, CancellationToken cancellationToken)
    {
        log($"{strategy.Name}: oversubscribed drop, {plan.DropBuyers} buyers on stock {plan.DropStock} at {plan.Concurrency} in flight (at most {plan.DropLimit.TotalSeconds:F0} s)");
        var ticket = await CreateTicketAsync(strategy.Name, plan.DropStock, "drop", cancellationToken);
        var (load, cpu) = await CpuUse.MeasureAsync(() => LoadAsync(ticket, plan.DropLimit, plan.DropBuyers, cancellationToken));
        var shape = $"{plan.DropBuyers} buyers / {plan.DropStock} stock, c={plan.Concurrency}" +
            (load.Count < plan.DropBuyers ? $"; time limit {plan.DropLimit.TotalSeconds:F0} s hit after {load.Count} buyers" : "");
        return new ScenarioResult(strategy.Name, "drop", shape,
            strategy.SafeAcrossServers, load, await TicketAudit.ReadAsync(database, ticket.Id, cancellationToken)) { Cpu = cpu };
    }

    /// <summary>
    /// Fresh buyers at a ticket that sold its one ticket, loaded by wrk: how fast a finished sale turns buyers away, with
    /// the load generator's own cost as small as it gets on shared cores.
    /// </summary>
    private async Task<ScenarioResult> SoldOutAsync(StrategyDescriptor strategy, CancellationToken cancellationToken)
    {
        log($"{strategy.Name}: sold out, fresh buyers at a finished sale with wrk, {plan.Concurrency} connections, warm-up {plan.StrategyWarmup.TotalSeconds:F0} s, then {plan.CeilingWindow.TotalSeconds:F0} s");
        var ticket = await CreateTicketAsync(strategy.Name, 1, "sold out", cancellationToken);
        var path = ApiRoutes.Orders(ticket.Id);
        await PurchaseRequest.SendAsync(system.Servers[0], path, 1, cancellationToken);
        // The path that answers from memory is only now taken often enough for the JIT's optimised code to replace the first.
        await Wrk.PurchaseAsync(system.ServerAddresses, path, plan.Concurrency, plan.StrategyWarmup, cancellationToken);
        var (load, cpu) = await CpuUse.MeasureAsync(() => Wrk.PurchaseAsync(system.ServerAddresses, path, plan.Concurrency, plan.CeilingWindow, cancellationToken));
        return new ScenarioResult(strategy.Name, "sold-out", $"1 sold / 1 stock, then fresh buyers for {plan.CeilingWindow.TotalSeconds:F0} s, wrk c={load.Concurrency}",
            strategy.SafeAcrossServers, load, await TicketAudit.ReadAsync(database, ticket.Id, cancellationToken)) { Cpu = cpu };
    }

    private async Task<ScenarioResult> SustainedAsync(StrategyDescriptor strategy, CancellationToken cancellationToken)
    {
        log($"{strategy.Name}: sustained sale, {plan.SustainedWindow.TotalSeconds:F0} s at {plan.Concurrency} in flight on stock {OpenStock}");
        var ticket = await CreateTicketAsync(strategy.Name, OpenStock, "sustained", cancellationToken);
        var (load, cpu) = await CpuUse.MeasureAsync(() => LoadAsync(ticket, plan.SustainedWindow, OpenStock, cancellationToken));
        return new ScenarioResult(strategy.Name, "sustained", $"{plan.SustainedWindow.TotalSeconds:F0} s, c={plan.Concurrency}",
            strategy.SafeAcrossServers, load, await TicketAudit.ReadAsync(database, ticket.Id, cancellationToken)) { Cpu = cpu };
    }

    /// <summary>
    /// A sale under light load (<see cref="LightConcurrency"/> in flight): what one buyer waits when few queue. Loaded
    /// by wrk when installed, as the latency target was set: on two shared cores a .NET client's own work shows up in
    /// the tail it measures.
    /// </summary>
    private async Task<ScenarioResult> LightAsync(StrategyDescriptor strategy, CancellationToken cancellationToken)
    {
        var tool = Wrk.IsInstalled ? "wrk" : "our .NET client";
        log($"{strategy.Name}: light load, {plan.CeilingWindow.TotalSeconds:F0} s at {LightConcurrency} in flight on stock {OpenStock}, loaded by {tool}");
        var ticket = await CreateTicketAsync(strategy.Name, OpenStock, "light", cancellationToken);
        var (load, cpu) = await CpuUse.MeasureAsync(() => Wrk.IsInstalled
            ? Wrk.PurchaseAsync(system.ServerAddresses, ApiRoutes.Orders(ticket.Id), LightConcurrency, plan.CeilingWindow, cancellationToken)
            : LoadAsync(ticket, plan.CeilingWindow, OpenStock, cancellationToken, LightConcurrency));
        return new ScenarioResult(strategy.Name, "light", $"{plan.CeilingWindow.TotalSeconds:F0} s, c={LightConcurrency}" + (Wrk.IsInstalled ? ", wrk" : ""),
            strategy.SafeAcrossServers, load, await TicketAudit.ReadAsync(database, ticket.Id, cancellationToken)) { Cpu = cpu };
    }

    private Task<TicketResponse> CreateTicketAsync(string strategy, int stock, string scenario, CancellationToken cancellationToken) =>
        system.Servers[0].CreateTicketAsync(system.AdminKey, stock, strategy, $"bench {strategy} {scenario}", cancellationToken);

    /// <summary>Distinct buyers 1..<paramref name="buyers"/> at most, for at most <paramref name="window"/>.</summary>
    private Task<LoadResult> LoadAsync(TicketResponse ticket, TimeSpan window, int buyers, CancellationToken cancellationToken, int? concurrency = null)
    {
        var path = ApiRoutes.Orders(ticket.Id);
        return ClosedLoop.RunAsync(concurrency ?? plan.Concurrency, window, buyers,
            (n, ct) => PurchaseRequest.SendAsync(system.Servers[(int)(n % system.Servers.Count)], path, n + 1, ct), cancellationToken);
    }

    private static string Outcome(RushAttempt attempt) => attempt.Status switch
    {
        RushAttempt.TransportFailure => "transport",
        _ when attempt.Code is not null => $"{attempt.Status} {attempt.Code}",
        _ => attempt.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
