using System.Diagnostics;
using TicketRush.Rush.History;

namespace TicketRush.Rush;

/// <summary>
/// Releases many buyers at once, as the study did with a CountDownLatch: every request is prepared, then a
/// gate opens and all of them go. Request <c>i</c> goes to server <c>i % servers</c>, so the split is exact; a keyed
/// buyer's retries go on to the next server. Every attempt is recorded and the history judged by <see cref="HistoryChecker"/>.
/// </summary>
public static class RushRunner
{
    /// <summary>Creates a ticket of <paramref name="stock"/> with <paramref name="strategy"/> on the first server, then rushes it.</summary>
    public static async Task<RushVerdict> RunAsync(
        IReadOnlyList<HttpClient> servers, string adminKey, string strategy, int stock, IReadOnlyList<long> userIds,
        CancellationToken cancellationToken = default)
    {
        var ticket = await servers[0].CreateTicketAsync(adminKey, stock, strategy, $"rush {strategy}", cancellationToken);
        return await RunAsync(servers, ticket, userIds, cancellationToken);
    }

    /// <summary>Rushes an existing ticket; its purchases run the strategy it was created with.</summary>
    public static Task<RushVerdict> RunAsync(
        IReadOnlyList<HttpClient> servers, TicketResponse ticket, IReadOnlyList<long> userIds,
        CancellationToken cancellationToken = default) =>
        RunAsync(Targets(servers), ticket, userIds, RushPlan.Default, cancellationToken);

    /// <summary>
    /// Rushes an existing ticket through <paramref name="targets"/> (servers, or a gateway among them) as
    /// <paramref name="plan"/> says; every attempt is recorded, and once all are answered the orders are read back and
    /// the history judged.
    /// </summary>
    public static async Task<RushVerdict> RunAsync(
        IReadOnlyList<PurchaseTarget> targets, TicketResponse ticket, IReadOnlyList<long> userIds, RushPlan plan,
        CancellationToken cancellationToken = default)
    {
        var history = plan.History ?? new PurchaseHistory();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = new InFlight();
        var purchases = userIds
            .Select(async (userId, index) =>
            {
                await gate.Task;
                var first = index % targets.Count;
                var key = plan.Keyed?.Invoke(userId) == true ? NewKey() : null;
                var attempts = await RecordedPurchase.BuyAsync(history, targets, first, ticket.Id, userId, key, plan.RetryPolicy, admissionToken: null, inFlight, cancellationToken);
                return attempts.Select((attempt, n) => attempt.ToRushAttempt((first + n) % targets.Count));
            })
            .ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var results = (await Task.WhenAll(purchases)).SelectMany(attempts => attempts).ToList();
        clock.Stop();

        var (after, orders) = await ReadBackAsync([.. targets.Select(t => t.Client)], ticket.Id, cancellationToken);
        return new RushVerdict(ticket.Strategy, targets.Count, ticket.TotalStock, after, orders, results, clock.Elapsed)
        {
            MaxInFlight = inFlight.Max,
            History = HistoryChecker.Check(history.Operations, after, orders, plan.FaultsInjected),
        };
    }

    /// <summary>Each server as a purchase target, labelled by its place in the list (<c>server-1</c>, <c>server-2</c>, …).</summary>
    public static IReadOnlyList<PurchaseTarget> Targets(IReadOnlyList<HttpClient> servers) =>
        [.. servers.Select((server, i) => new PurchaseTarget(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"server-{i + 1}"), server))];

    /// <summary>An Idempotency-Key nobody used before, in the draft's structured-field form.</summary>
    public static string NewKey() => $"\"{Guid.NewGuid()}\"";

    /// <summary>The ticket and its orders from the first server that answers: a drill may have killed one mid-rush.</summary>
    internal static async Task<(TicketResponse, List<OrderResponse>)> ReadBackAsync(IReadOnlyList<HttpClient> servers, long ticketId, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return (await servers[i].GetTicketAsync(ticketId, cancellationToken), await servers[i].GetAllOrdersAsync(ticketId, cancellationToken));
            }
            catch (HttpRequestException) when (i < servers.Count - 1)
            {
            }
        }
    }

    /// <summary>Distinct buyers 1..<paramref name="buyers"/>.</summary>
    public static IReadOnlyList<long> DistinctBuyers(int buyers) => [.. Enumerable.Range(1, buyers).Select(i => (long)i)];

    /// <summary>
    /// <paramref name="users"/> buyers who each try <paramref name="attempts"/> times, interleaved, every other round in
    /// reverse: a user's consecutive tries are then an odd number of places apart, so on two servers they alternate.
    /// </summary>
    public static IReadOnlyList<long> RepeatBuyers(int users, int attempts) =>
        [.. Enumerable.Range(0, users * attempts).Select(i => (i / users) % 2 == 0 ? (long)(i % users) + 1 : users - (i % users))];

    /// <summary>A client for one server, sized for a rush: no connection cap, a generous timeout.</summary>
    public static HttpClient CreateClient(Uri baseAddress) => CreateClient(baseAddress, buyers: null);

    /// <summary>As <see cref="CreateClient(Uri)"/>; with <paramref name="buyers"/>, every request made for a buyer carries that buyer's token.</summary>
    public static HttpClient CreateClient(Uri baseAddress, BuyerTokens? buyers)
    {
        HttpMessageHandler transport = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // One HTTP/1.1 connection per request in flight; cancelling a request closes its connection, which is how
            // the soak drops connections mid-request.
            MaxConnectionsPerServer = int.MaxValue,
        };
        return new(buyers is null ? transport : new BuyerTokenHandler(buyers) { InnerHandler = transport })
        {
            BaseAddress = baseAddress,
            // Longer than any strategy's own give-up time (the optimistic deadline is 120 s), so the server decides.
            Timeout = TimeSpan.FromSeconds(180),
        };
    }
}
