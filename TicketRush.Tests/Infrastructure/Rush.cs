using System.Diagnostics;
using System.Net.Http.Json;

namespace TicketRush.Tests.Infrastructure;

/// <summary>One purchase request of a rush and how it ended.</summary>
public sealed record RushAttempt(long UserId, int ServerIndex, int Status, string? Code, string? Detail, string? ServedBy, TimeSpan Elapsed);

/// <summary>
/// Releases many buyers at once, as the study did with a CountDownLatch: every request is prepared, then a
/// gate opens and all of them go. Request <c>i</c> goes to server <c>i % servers</c>, so the split is exact.
/// </summary>
public static class Rush
{
    public static async Task<RushVerdict> RunAsync(
        IReadOnlyList<HttpClient> servers, TicketDto ticket, string strategy, IReadOnlyList<long> userIds)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var path = TicketRushClient.StrategyQuery($"/api/tickets/{ticket.Id}/orders", strategy);
        var attempts = userIds.Select((userId, index) => AttemptAsync(servers, index % servers.Count, path, userId, gate.Task)).ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);
        clock.Stop();

        var after = await servers[0].GetTicketAsync(ticket.Id);
        var orders = await servers[0].GetAllOrdersAsync(ticket.Id);
        return new RushVerdict(strategy, servers.Count, ticket.TotalStock, after, orders, results, clock.Elapsed);
    }

    /// <summary>Distinct buyers 1..<paramref name="buyers"/>.</summary>
    public static IReadOnlyList<long> DistinctBuyers(int buyers) => [.. Enumerable.Range(1, buyers).Select(i => (long)i)];

    /// <summary><paramref name="users"/> buyers who each try <paramref name="attempts"/> times, interleaved.</summary>
    public static IReadOnlyList<long> RepeatBuyers(int users, int attempts) =>
        [.. Enumerable.Range(0, users * attempts).Select(i => (long)(i % users) + 1)];

    private static async Task<RushAttempt> AttemptAsync(
        IReadOnlyList<HttpClient> servers, int serverIndex, string path, long userId, Task gate)
    {
        await gate;
        var clock = Stopwatch.StartNew();
        using var response = await servers[serverIndex].PostAsJsonAsync(path, new { userId });
        clock.Stop();
        var problem = !response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ProblemDto>()
            : null;

        var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;
        return new RushAttempt(userId, serverIndex, (int)response.StatusCode, problem?.Code, problem?.Detail, servedBy, clock.Elapsed);
    }
}
