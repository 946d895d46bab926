using System.Diagnostics;

namespace TicketRush.Rush;

/// <summary>
/// Releases many buyers at once, as the study did with a CountDownLatch: every request is prepared, then a
/// gate opens and all of them go. Request <c>i</c> goes to server <c>i % servers</c>, so the split is exact.
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
    public static async Task<RushVerdict> RunAsync(
        IReadOnlyList<HttpClient> servers, TicketDto ticket, IReadOnlyList<long> userIds,
        CancellationToken cancellationToken = default)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = new InFlight();
        var attempts = userIds
            .Select(async (userId, index) =>
            {
                await gate.Task;
                return await AttemptAsync(servers[index % servers.Count], index % servers.Count, ticket.Id, userId, admissionToken: null, inFlight, cancellationToken);
            })
            .ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);
        clock.Stop();

        var (after, orders) = await ReadBackAsync(servers, ticket.Id, cancellationToken);
        return new RushVerdict(ticket.Strategy, servers.Count, ticket.TotalStock, after, orders, results, clock.Elapsed) { MaxInFlight = inFlight.Max };
    }

    /// <summary>The ticket and its orders from the first server that answers: a drill may have killed one mid-rush.</summary>
    internal static async Task<(TicketDto, List<OrderDto>)> ReadBackAsync(IReadOnlyList<HttpClient> servers, long ticketId, CancellationToken cancellationToken)
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

    /// <summary><paramref name="users"/> buyers who each try <paramref name="attempts"/> times, interleaved.</summary>
    public static IReadOnlyList<long> RepeatBuyers(int users, int attempts) =>
        [.. Enumerable.Range(0, users * attempts).Select(i => (long)(i % users) + 1)];

    /// <summary>A client for one server, sized for a rush: no connection cap, a generous timeout.</summary>
    public static HttpClient CreateClient(Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // One HTTP/1.1 connection per request in flight; cancelling a request closes its connection, which is how
            // the soak drops connections mid-request.
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            BaseAddress = baseAddress,
            // Longer than any strategy's own give-up time (the optimistic deadline is 120 s), so the server decides.
            Timeout = TimeSpan.FromSeconds(180),
        };

    /// <summary>One purchase request, timed, with the admission a waiting room gave (if any).</summary>
    internal static async Task<RushAttempt> AttemptAsync(
        HttpClient server, int serverIndex, long ticketId, long userId, string? admissionToken, InFlight inFlight, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            using (inFlight.Enter())
            {
                response = await server.PurchaseAdmittedAsync(ticketId, userId, admissionToken, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RushAttempt(userId, serverIndex, RushAttempt.TransportFailure, "transport-error", exception.GetBaseException().Message, null, clock.Elapsed);
        }

        using var _ = response;
        clock.Stop();
        var problem = response.IsSuccessStatusCode ? null : await response.ReadProblemOrNullAsync(cancellationToken);
        var servedBy = response.Headers.TryGetValues(TicketRushClient.ServedByHeader, out var values) ? values.FirstOrDefault() : null;
        return new RushAttempt(userId, serverIndex, (int)response.StatusCode, problem?.Code, problem?.Detail, servedBy, clock.Elapsed);
    }
}
