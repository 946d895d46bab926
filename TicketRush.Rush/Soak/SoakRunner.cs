using System.Net;
using TicketRush.Rush.History;

namespace TicketRush.Rush.Soak;

/// <summary>
/// Loads one strategy at a time with a steady stream of purchases, some of which the client abandons mid-request,
/// while watching every server's health; then checks that the servers recovered, the ticket's invariants held and
/// every answer a buyer saw (a dropped request as an unknown one) passes the history checker. User ids are unique
/// across everything one runner does.
/// </summary>
public sealed class SoakRunner
{
    /// <summary>How long reading the ticket back may take per server once the load is over.</summary>
    private static readonly TimeSpan ReadBackTimeout = TimeSpan.FromSeconds(30);

    // Purchases of buyers who left keep running on the server; the ticket counts as settled once it stays still this long.
    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<HttpClient> _servers;
    private readonly SoakSettings _settings;
    private long _lastUserId;

    /// <param name="servers">One client per server; each must address a loopback URL, so a soak cannot load someone else's machine.</param>
    public SoakRunner(IReadOnlyList<HttpClient> servers, SoakSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfZero(servers.Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Duration, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.ConcurrencyPerServer, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Stock, nameof(settings));
        if (settings.AbortRatio is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "The abort ratio is a fraction between 0 and 1.");
        }

        if (servers.FirstOrDefault(s => s.BaseAddress is not { IsLoopback: true }) is { } remote)
        {
            throw new ArgumentException($"A soak only loads loopback servers, not '{remote.BaseAddress}'.", nameof(servers));
        }

        _servers = servers;
        _settings = settings;
    }

    public async Task<SoakResult> RunAsync(StrategyDescriptor strategy, CancellationToken cancellationToken = default)
    {
        var ticket = await _servers[0].CreateTicketAsync(_settings.AdminKey, _settings.Stock, strategy.Name, $"soak {strategy.Name}", cancellationToken);
        var tally = new SoakRequestTally();
        var history = new PurchaseHistory();

        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        load.CancelAfter(_settings.Duration);
        var health = HealthWatch.WatchAsync(_servers, load.Token, cancellationToken);
        await Task.WhenAll(RushRunner.Targets(_servers).SelectMany(server =>
            Enumerable.Range(0, _settings.ConcurrencyPerServer).Select(_ => PurchaseLoopAsync(history, server, ticket.Id, tally, load.Token, cancellationToken))));
        var healthDuringLoad = await health;
        cancellationToken.ThrowIfCancellationRequested();

        var healthyAfterLoad = await HealthWatch.WaitForRecoveryAsync(_servers, cancellationToken);
        var (after, orders) = await ReadBackAsync(healthyAfterLoad, ticket.Id, cancellationToken);
        var safe = _servers.Count > 1 ? strategy.SafeAcrossServers : strategy.SafeOnOneServer;
        // Buyers dropping their connections are the fault this load injects: C5 is a figure, every other check a verdict.
        var verdict = after is null || orders is null ? null : HistoryChecker.Check(history.Operations, after, orders, faultsInjected: _settings.AbortRatio > 0);
        return new SoakResult(
            strategy.Name, safe, _settings.Stock, tally.ToRequests(), healthDuringLoad, healthyAfterLoad.Count == _servers.Count, after, orders, verdict);
    }

    private async Task PurchaseLoopAsync(
        PurchaseHistory history, PurchaseTarget server, long ticketId, SoakRequestTally tally, CancellationToken loadEnds, CancellationToken cancellationToken)
    {
        while (!loadEnds.IsCancellationRequested)
        {
            var userId = Interlocked.Increment(ref _lastUserId);
            TimeSpan? abortAfter = Random.Shared.NextDouble() < _settings.AbortRatio
                ? TimeSpan.FromMilliseconds(Random.Shared.Next(SoakSettings.ShortestAbortMilliseconds, SoakSettings.LongestAbortMilliseconds + 1))
                : null;
            tally.Add(await PurchaseAsync(history, server, ticketId, userId, abortAfter, loadEnds, cancellationToken));
        }
    }

    /// <summary>
    /// One purchase, recorded for the checker whatever happens to it: a request dropped by its client (or cut off by the
    /// end of the load) is recorded without a response, since the server may still have sold it.
    /// </summary>
    private static async Task<SoakOutcome> PurchaseAsync(
        PurchaseHistory history, PurchaseTarget server, long ticketId, long userId, TimeSpan? abortAfter, CancellationToken loadEnds, CancellationToken cancellationToken)
    {
        using var aborting = new CancellationTokenSource();
        if (abortAfter is { } delay)
        {
            aborting.CancelAfter(delay);
        }

        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(aborting.Token, loadEnds);
        var attempt = await RecordedPurchase.AttemptAsync(history, server, ticketId, userId, key: null, cancellationToken: cancellationToken, clientAbort: dropped.Token);
        return attempt.Status switch
        {
            (int)HttpStatusCode.Created => SoakOutcome.Created,
            (int)HttpStatusCode.Conflict => SoakOutcome.Conflict,
            (int)HttpStatusCode.ServiceUnavailable => SoakOutcome.Unavailable,
            RushAttempt.TransportFailure when aborting.IsCancellationRequested && !loadEnds.IsCancellationRequested => SoakOutcome.AbortedByClient,
            _ => SoakOutcome.Other,
        };
    }

    /// <summary>
    /// The ticket and its orders from the first healthy server that can answer, or nulls when none can. Purchases whose
    /// buyers gave up still finish on the server, so the ticket is read until two reads a moment apart agree.
    /// </summary>
    private static async Task<(TicketResponse?, IReadOnlyList<OrderResponse>?)> ReadBackAsync(
        IReadOnlyList<HttpClient> healthyServers, long ticketId, CancellationToken cancellationToken)
    {
        foreach (var server in healthyServers)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadBackTimeout);
            try
            {
                var ticket = await server.GetTicketAsync(ticketId, timeout.Token);
                while (true)
                {
                    await Task.Delay(SettleInterval, timeout.Token);
                    var again = await server.GetTicketAsync(ticketId, timeout.Token);
                    if (again == ticket)
                    {
                        break;
                    }

                    ticket = again;
                }

                var orders = await server.GetAllOrdersAsync(ticketId, timeout.Token);
                return (ticket, orders);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }
        }

        return (null, null);
    }
}
