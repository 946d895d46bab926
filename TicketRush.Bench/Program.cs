using System.Diagnostics;
using MySqlConnector;
using StackExchange.Redis;
using TicketRush.Bench;
using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Report;
using TicketRush.Bench.Scenarios;
using TicketRush.Rush;
using TicketRush.Rush.CommandLine;
using TicketRush.Rush.Progress;

var parsed = BenchPlan.Command.Parse(args);
if (CommandLineOptions.HelpOrErrors(parsed) is { } exit)
{
    return exit;
}

var plan = BenchPlan.From(parsed);

var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
await using var progress = new RunProgress(Console.Out, "ticketrush-bench");
void Log(string message) => progress.Report(message);

// Every loop is bounded on its own; this bounds the run as a whole, and Ctrl+C ends it early.
using var run = new CancellationTokenSource(plan.Quick ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(45));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    run.Cancel();
};

if (TestRunGuard.FindTestRun() is { } testRun)
{
    Console.Error.WriteLine($"The test suite is running ({testRun}); run the benchmark when it has finished.");
    return 3;
}

using var guardStop = new CancellationTokenSource();
var guard = TestRunGuard.WatchAsync(run, Log, guardStop.Token);

using var resourceLog = new ResourceLogFile(Path.Combine("TestResults", "bench", "resources.log"));
Log($"starting MariaDB, Redis, api-1, api-2{(plan.Telemetry ? " and the Aspire dashboard" : "")} through the AppHost; their logs go to {resourceLog.Path}");
BenchSystem running;
try
{
    running = await BenchSystem.StartAsync(plan.Telemetry, resourceLog, plan.ApiSettings, run.Token);
}
catch (OperationCanceledException) when (run.IsCancellationRequested)
{
    Log("stopped while starting (the test suite started, Ctrl+C or the time limit): nothing measured");
    return 4;
}

await using var system = running;
var telemetry = (plan.Telemetry, system.OtlpEndpoint) switch
{
    (true, { } endpoint) =>
        $"ON: both servers export traces, metrics and logs over OTLP ({endpoint}) to the Aspire dashboard (running: {(system.DashboardRunning ? "yes" : "no")}), as ./scripts/start.sh runs them",
    (true, null) => "OFF: asked for, but the servers got no OTLP endpoint (the dashboard did not start); numbers are higher than under ./scripts/start.sh",
    (false, _) => "OFF (--telemetry off): the servers have no OTLP endpoint and no dashboard runs; numbers are higher than under ./scripts/start.sh",
};
Log($"telemetry export: {telemetry}");
if (plan.ApiSettings.Count > 0)
{
    Log($"API settings: {string.Join(", ", plan.ApiSettings)}");
}

Log($"server pids: {string.Join(", ", BenchSystem.ServerNames.Select(name => $"{name}={system.ProcessId(name)}"))}");

await using var database = new MySqlDataSource(await system.ConnectionStringAsync("ticketrush-app"));
// Admin mode for INFO commandstats (the contention counters); the bench's own connection, not the servers'.
var redisOptions = ConfigurationOptions.Parse(await system.ConnectionStringAsync("redis"));
redisOptions.AllowAdmin = true;
await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
var machine = await MachineInfo.ReadAsync(database, redis);

var ceilings = new List<Ceiling>();
var results = new List<ScenarioResult>();
string? stoppedEarly = null;
try
{
    await Ceilings.MeasureAsync(system, plan, ceilings, Log, run.Token);

    var catalogue = await system.Servers[0].GetStrategiesAsync(run.Token);
    var strategies = plan.Strategies.Count == 0
        ? catalogue
        : [.. plan.Strategies.Select(name => catalogue.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No strategy '{name}'."))];
    var scenarios = new StrategyScenarios(system, database, redis.GetServers()[0], plan, Log);
    foreach (var strategy in strategies)
    {
        await scenarios.RunAsync(strategy, results, run.Token);
    }
}
catch (OperationCanceledException) when (run.IsCancellationRequested)
{
    // What finished before the stop is kept, marked incomplete; the scenario that was running is dropped.
    stoppedEarly = guard.IsCompleted && await guard is { } found
        ? $"the integration test suite started ({found}) at {clock.Elapsed:mm\\:ss}"
        : $"cancelled (Ctrl+C or the overall time limit) at {clock.Elapsed:mm\\:ss}";
    Log($"run stopped early: {stoppedEarly}; reporting what finished before");
}

await guardStop.CancelAsync();
await guard;

string[] notes =
[
    .. stoppedEarly is null ? Array.Empty<string>() : [$"**INCOMPLETE RUN**: stopped early, {stoppedEarly}. Only the ceilings and scenarios listed finished; the scenario running at the stop is not reported."],
    "The load generator runs on the same machine as both servers, MariaDB and Redis, and competes with them for the cores: every number here is this whole box's, not a server's alone.",
    "Rush: every buyer gets its own connection at once (the study's CountDownLatch), so its latencies include connection setup and queueing; its req/s is over ~1 s and noisy.",
    "Drop sold-out/s counts 409 sold-out over the whole drop, selling phase included.",
    "Invariants are judged only for strategies safe across servers (GET /api/strategies); for the others they are reported.",
    "Ceilings use the servers' own least-privilege database user (ticketrush-app) on a ticket created through the API; the Redis ceilings use counters of their own.",
    "(an), (bn), (cn) and (dn) are (a)-(d) measured by native tools (mariadb-slap as the schema owner, the one-round-trip shape as a stored procedure; redis-benchmark with the same script), (f) is (e) by wrk; every ratio and target uses the higher of a ceiling's measurements, and names the one it used. The native tools report no latencies.",
];
var report = new BenchReport(
    startedAt, clock.Elapsed,
    Environment.GetEnvironmentVariable("BENCH_COMMAND") ?? $"dotnet run -c Release --project TicketRush.Bench -- {string.Join(' ', args)}".TrimEnd(),
    plan, machine, telemetry, notes, ceilings, results, Ratios.Compute(ceilings, results), SourceRevision.Describe());

Directory.CreateDirectory(plan.OutputDirectory);
var markdown = MarkdownReport.Render(report);
await File.WriteAllTextAsync(Path.Combine(plan.OutputDirectory, "benchmarks.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(plan.OutputDirectory, "benchmarks.json"), JsonReport.Render(report));
await File.WriteAllTextAsync(Path.Combine(plan.OutputDirectory, "benchmarks.html"), HtmlReport.Render(report));
await progress.DisposeAsync();
Console.WriteLine();
Console.WriteLine(markdown);
Log($"wrote {Path.Combine(plan.OutputDirectory, "benchmarks.{md,json,html}")}");

// Safe strategies that broke their invariants fail the run; speed never does.
return results.Any(r => r.InvariantsHeld == false) ? 1 : stoppedEarly is null ? 0 : 4;
