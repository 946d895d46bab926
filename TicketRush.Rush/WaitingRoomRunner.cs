using System.Diagnostics;
using TicketRush.Rush.History;

namespace TicketRush.Rush;

/// <summary>
/// A rush through a waiting room: buyers join the line one after another in a known order (alternating servers), then
/// all of them watch their place and buy once admitted, each on the other server than the one they joined.
/// </summary>
public static class WaitingRoomRunner
{
    /// <summary>The code of an attempt that ended in line, before any purchase: <c>line-sold-out</c>, <c>line-expired</c>.</summary>
    public const string LineCodePrefix = "line-";

    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    public static async Task<RushVerdict> RunAsync(
        IReadOnlyList<HttpClient> servers, string adminKey, string strategy, int stock, IReadOnlyList<long> userIds, WaitingRoomRequest waitingRoom,
        CancellationToken cancellationToken = default)
    {
        var ticket = await servers[0].CreateTicketAsync(adminKey, stock, strategy, $"waiting room {strategy}", cancellationToken, waitingRoom);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < userIds.Count; i++)
        {
            await servers[i % servers.Count].JoinQueueAsync(ticket.Id, userIds[i], cancellationToken);
        }

        var inFlight = new InFlight();
        var history = new PurchaseHistory();
        var targets = RushRunner.Targets(servers);
        var results = await Task.WhenAll(userIds.Select((userId, i) =>
            WaitAndBuyAsync(history, targets[(i + 1) % servers.Count], (i + 1) % servers.Count, ticket.Id, userId, inFlight, cancellationToken)));
        clock.Stop();

        var (after, orders) = await RushRunner.ReadBackAsync(servers, ticket.Id, cancellationToken);
        return new RushVerdict(ticket.Strategy, servers.Count, ticket.TotalStock, after, orders, results, clock.Elapsed)
        {
            Mode = "waiting room",
            MaxInFlight = inFlight.Max,
            History = HistoryChecker.Check(history.Operations, after, orders),
        };
    }

    /// <summary>
    /// One buyer: watches their place in line and buys once admitted. When the line says it is over (sold out, or the
    /// admission lapsed) no purchase is sent, and the attempt is a 409 with the code <c>line-&lt;status&gt;</c>.
    /// </summary>
    public static Task<RushAttempt> WaitAndBuyAsync(HttpClient server, long ticketId, long userId, CancellationToken cancellationToken) =>
        WaitAndBuyAsync(new PurchaseHistory(), new PurchaseTarget("server", server), 0, ticketId, userId, new InFlight(), cancellationToken);

    private static async Task<RushAttempt> WaitAndBuyAsync(
        PurchaseHistory history, PurchaseTarget target, int serverIndex, long ticketId, long userId, InFlight inFlight, CancellationToken cancellationToken)
    {
        var waited = history.Clock.Now;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await target.Client.GetQueueStatusAsync(ticketId, userId, cancellationToken);
            if (state.Status == QueueStatuses.Admitted)
            {
                var purchase = await RecordedPurchase.AttemptAsync(history, target, ticketId, userId, key: null, state.AdmissionToken, inFlight, cancellationToken);
                return purchase.ToRushAttempt(serverIndex);
            }

            if (state.Status != QueueStatuses.Waiting)
            {
                // The line said it is over (sold out, or the admission lapsed): no purchase was sent. Recorded all the same,
                // so the buyer counts in the history (as turned away, never as a sale or a sold-out answer).
                history.Add(new PurchaseOperation(userId, null, target.Label, waited, history.Clock.Now, 409, $"{LineCodePrefix}{state.Status}"));
                return new RushAttempt(userId, serverIndex, 409, $"{LineCodePrefix}{state.Status}", null, null, clock.Elapsed);
            }

            // Buyers far back poll rarely, so watching the line does not load the servers more than buying does.
            var wait = TimeSpan.FromSeconds(state.EstimatedWaitSeconds / 2.0);
            await Task.Delay(wait < MinPoll ? MinPoll : wait > MaxPoll ? MaxPoll : wait, cancellationToken);
        }
    }
}
