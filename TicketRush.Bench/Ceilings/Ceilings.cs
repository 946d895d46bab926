using MySqlConnector;
using StackExchange.Redis;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.Bench.Load;
using TicketRush.Bench.Scenarios;
using TicketRush.Rush;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// Measures every ceiling at the same concurrency as the strategies: the purchase transaction straight through
/// MySqlConnector in three shapes, the Redis reservation script, and a trivial HTTP endpoint on both servers; and the
/// transactions, the script and the endpoint again through native tools (mariadb-slap, redis-benchmark, wrk), since a
/// ratio uses whichever measured the higher ceiling (<see cref="Higher"/>).
/// The database work runs as <c>ticketrush-app</c> (the servers' own least-privilege user) on a ticket created
/// through the API, so it touches the same rows, indexes and constraints a purchase does.
/// </summary>
internal static class Ceilings
{
    public const string Succeeded = "ok";

    // The API's largest stock: the three MySQL ceilings together sell ~10^5 of it at most on a small machine.
    private const int TicketStock = 1_000_000;

    // Redis counters are the bench's own, so they can hold more than any window can reserve.
    private const int CounterStock = 100_000_000;

    /// <param name="ceilings">Filled as each ceiling is measured, so a run stopped early still reports what it measured.</param>
    public static async Task MeasureAsync(BenchSystem system, BenchPlan plan, List<Ceiling> ceilings, Action<string> log, CancellationToken cancellationToken)
    {
        await using var database = new MySqlDataSource(await system.ConnectionStringAsync("ticketrush-app"));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await system.ConnectionStringAsync("redis"));
        var users = new UserIds();

        // A warm-up window, then the measured one, both from the same load.
        async Task MeasureLoadAsync(string key, string name, string what, Func<TimeSpan, Task<LoadResult>> load, int? concurrency = null)
        {
            log($"ceiling ({key}) {name}: warm-up {plan.CeilingWarmup.TotalSeconds:F0} s, then {plan.CeilingWindow.TotalSeconds:F0} s at {concurrency ?? plan.Concurrency} in flight");
            await load(plan.CeilingWarmup);
            var (result, cpu) = await CpuUse.MeasureAsync(() => load(plan.CeilingWindow));
            var ceiling = new Ceiling(key, name, what, result, cpu);
            log($"  {ceiling.Rate:F0}/s, p50 {result.Percentile(0.5).TotalMilliseconds:F1} ms, outcomes {{{string.Join(", ", result.Outcomes.Select(o => $"{o.Key}: {o.Value}"))}}}");
            log($"  CPU (cores): {cpu?.Summary() ?? "not readable"}");
            ceilings.Add(ceiling);
        }

        Task MeasureOneAsync(string key, string name, string what, Func<long, CancellationToken, Task<string>> operation, int? concurrency = null) =>
            MeasureLoadAsync(key, name, what, window => ClosedLoop.RunAsync(concurrency ?? plan.Concurrency, window, long.MaxValue, operation, cancellationToken), concurrency);

        var ticket = await system.Servers[0].CreateTicketAsync(system.AdminKey, TicketStock, StrategyNames.Atomic, "bench ceilings", cancellationToken);
        await MeasureOneAsync("a", "MySQL tx, 4 round trips", PurchaseTransactions.FourRoundTripsSql,
            (_, ct) => PurchaseTransactions.FourRoundTripsAsync(database, ticket.Id, users.Next(), ct));
        await MeasureOneAsync("b", "MySQL tx, 1 round trip", PurchaseTransactions.OneRoundTripSql,
            (_, ct) => PurchaseTransactions.OneRoundTripAsync(database, ticket.Id, users.Next(), ct));
        await MeasureOneAsync("c", "MySQL FOR UPDATE tx", PurchaseTransactions.ForUpdateSql,
            (_, ct) => PurchaseTransactions.ForUpdateAsync(database, ticket.Id, users.Next(), ct));

        await MeasureNativeMySqlAsync(system, database, plan, ticket.Id, ceilings, MeasureLoadAsync, log, cancellationToken);

        // The same two transactions at the light load's concurrency: the latency the bare SQL has when few queue on the row.
        var light = StrategyScenarios.LightConcurrency;
        await MeasureOneAsync(LightKey("b"), $"MySQL tx, 1 round trip, {light} in flight", PurchaseTransactions.OneRoundTripSql,
            (_, ct) => PurchaseTransactions.OneRoundTripAsync(database, ticket.Id, users.Next(), ct), light);
        await MeasureOneAsync(LightKey("c"), $"MySQL FOR UPDATE tx, {light} in flight", PurchaseTransactions.ForUpdateSql,
            (_, ct) => PurchaseTransactions.ForUpdateAsync(database, ticket.Id, users.Next(), ct), light);

        var reservation = new RedisReservation(redis.GetDatabase());
        var inStock = await reservation.SeedAsync(CounterStock);
        await MeasureOneAsync("d", "Redis Lua reservation", "EVALSHA ReserveScript (stock left: GET, SISMEMBER, DECR, SADD, TIME, ZADD)",
            (_, _) => reservation.ReserveAsync(inStock, users.Next(), measuringRejections: false));
        var soldOut = await reservation.SeedAsync(0);
        await MeasureOneAsync("d0", "Redis Lua rejection", "EVALSHA ReserveScript on a sold-out counter (GET, SISMEMBER, return 0)",
            (_, _) => reservation.ReserveAsync(soldOut, users.Next(), measuringRejections: true));
        if (RedisBenchmark.Tool.IsInstalled)
        {
            var options = ConfigurationOptions.Parse(await system.ConnectionStringAsync("redis"));
            var sha = Convert.ToHexStringLower(await redis.GetServers()[0].ScriptLoadAsync(ReservationScript.Text));
            await MeasureLoadAsync(NativeKey("d"), "Redis Lua reservation, redis-benchmark", "the same script, EVALSHA from redis-benchmark (C) with a random buyer per call",
                SizedByWarmup(ceilings.First(c => c.Key == "d").Rate,
                    requests => RedisBenchmark.EvalShaAsync(options, sha, inStock, RedisReservation.LeaseMilliseconds, requests, plan.Concurrency, cancellationToken)));
        }
        else
        {
            log($"ceiling ({NativeKey("d")}) skipped: {RedisBenchmark.Tool.Name} is not installed (apt-get install {RedisBenchmark.Tool.Package})");
        }

        await reservation.DeleteAsync(inStock);
        await reservation.DeleteAsync(soldOut);

        await MeasureOneAsync("e", "HTTP GET /alive", "GET /alive alternating over both servers (ASP.NET Core + health check middleware, no database)",
            (n, ct) => AliveAsync(system.Servers[(int)(n % system.Servers.Count)], ct));

        if (Wrk.IsInstalled)
        {
            await MeasureLoadAsync("f", "HTTP GET /alive, wrk", "the same, loaded by wrk (C, one process per server) instead of our .NET client",
                window => Wrk.GetAsync(system.ServerAddresses, ApiRoutes.Alive, Succeeded, plan.Concurrency, window, cancellationToken));
        }
        else
        {
            log("ceiling (f) skipped: wrk is not installed (apt-get install wrk)");
        }
    }

    /// <summary>
    /// The key of ceiling <paramref name="key"/> measured by a native tool instead of our .NET client: (f) is (e) by wrk,
    /// the others add an <c>n</c>.
    /// </summary>
    public static string NativeKey(string key) => key == "e" ? "f" : $"{key}n";

    /// <summary>
    /// Ceiling <paramref name="key"/> as whichever client got more out of it, ours or the native tool: a ceiling measured
    /// through a slow client flatters whatever is compared with it.
    /// </summary>
    public static Ceiling? Higher(IReadOnlyList<Ceiling> ceilings, string key) =>
        ceilings.Where(c => c.Key == key || c.Key == NativeKey(key)).MaxBy(c => c.Rate);

    /// <summary>
    /// (a), (b) and (c) again through mariadb-slap, as the schema owner (the one-round-trip shape is a procedure it
    /// creates): the same statements on the same ticket, no .NET in between.
    /// </summary>
    private static async Task MeasureNativeMySqlAsync(
        BenchSystem system, MySqlDataSource database, BenchPlan plan, long ticketId, List<Ceiling> ceilings,
        Func<string, string, string, Func<TimeSpan, Task<LoadResult>>, int?, Task> measure, Action<string> log, CancellationToken cancellationToken)
    {
        if (!MariaDbSlap.Tool.IsInstalled)
        {
            log($"ceilings ({NativeKey("a")}), ({NativeKey("b")}), ({NativeKey("c")}) skipped: {MariaDbSlap.Tool.Name} is not installed (apt-get install {MariaDbSlap.Tool.Package})");
            return;
        }

        var owner = new MySqlConnectionStringBuilder(await system.ConnectionStringAsync("ticketrush-migrator"));
        await using (var connection = new MySqlConnection(owner.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await MariaDbSlap.CreateProcedureAsync(connection, cancellationToken);
        }

        foreach (var (key, name, query) in new[]
        {
            ("a", "MySQL tx, 4 round trips, mariadb-slap", MariaDbSlap.FourRoundTrips(ticketId)),
            ("b", "MySQL tx, 1 round trip, mariadb-slap", MariaDbSlap.OneRoundTrip(ticketId)),
            ("c", "MySQL FOR UPDATE tx, mariadb-slap", MariaDbSlap.ForUpdate(ticketId)),
        })
        {
            await measure(NativeKey(key), name, $"mariadb-slap (C), one client per connection: {query}",
                SizedByWarmup(ceilings.First(c => c.Key == key).Rate,
                    sales => MariaDbSlap.RunAsync(owner, database, ticketId, query, sales, plan.Concurrency, cancellationToken)), null);
        }
    }

    /// <summary>
    /// A native tool runs a count of operations, not a time: its warm-up is sized by our client's rate, the measured run
    /// by the warm-up's, so each lasts about its window whichever client is faster.
    /// </summary>
    private static Func<TimeSpan, Task<LoadResult>> SizedByWarmup(double clientRate, Func<int, Task<LoadResult>> run)
    {
        var rate = Math.Max(clientRate, 100);
        return async window =>
        {
            var result = await run((int)Math.Max(100, rate * window.TotalSeconds));
            rate = Math.Max(result.RateOf(Succeeded), 100);
            return result;
        };
    }

    /// <summary>The key of ceiling <paramref name="key"/> measured at the light load's concurrency.</summary>
    public static string LightKey(string key) => $"{key}{StrategyScenarios.LightConcurrency}";

    private static async Task<string> AliveAsync(HttpClient server, CancellationToken cancellationToken)
    {
        using var response = await server.GetAsync(ApiRoutes.Alive, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.IsSuccessStatusCode ? Succeeded : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
