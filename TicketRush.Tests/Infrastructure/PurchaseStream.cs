using TicketRush.Rush.History;

namespace TicketRush.Tests.Infrastructure;

/// <summary>One answer a drill's buyer got.</summary>
public sealed record StreamedPurchase(long UserId, int Status, string? Code, bool HasRetryAfter, string? Detail, TimeSpan Elapsed, TimeSpan At);

/// <summary>
/// A steady stream of distinct buyers against both servers while a drill breaks something: each loop buys, waits for
/// the answer, and buys again, until stopped. Every answer is kept, with how long it took and when it came, and every
/// attempt is recorded in <see cref="History"/> for the history checker.
/// </summary>
public sealed class PurchaseStream : IAsyncDisposable
{
    private static long _nextUser = 10_000_000;

    private readonly List<StreamedPurchase> _answers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loops;
    private readonly Func<long, bool> _keyed;

    /// <param name="keyed">Which buyers send an <c>Idempotency-Key</c> (their own); none when null.</param>
    public PurchaseStream(IReadOnlyList<HttpClient> servers, long ticketId, int loopsPerServer, Func<long, bool>? keyed = null)
    {
        _keyed = keyed ?? (_ => false);
        _loops = Task.WhenAll(RushRunner.Targets(servers).SelectMany(server => Enumerable.Range(0, loopsPerServer).Select(_ => LoopAsync(server, ticketId))));
    }

    /// <summary>Every attempt, on the clock <see cref="Now"/> reads.</summary>
    public PurchaseHistory History { get; } = new();

    /// <summary>Answers so far, in the order they came.</summary>
    public IReadOnlyList<StreamedPurchase> Answers
    {
        get
        {
            lock (_answers)
            {
                return [.. _answers];
            }
        }
    }

    public TimeSpan Now => History.Clock.Now;

    public async Task<IReadOnlyList<StreamedPurchase>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loops;
        return Answers;
    }

    private async Task LoopAsync(PurchaseTarget server, long ticketId)
    {
        while (!_stop.IsCancellationRequested)
        {
            var userId = Interlocked.Increment(ref _nextUser);

            // Not cancelled by the stop: every purchase sent is answered, so none is left unaccounted for.
            var attempt = await RecordedPurchase.AttemptAsync(History, server, ticketId, userId, _keyed(userId) ? $"\"buyer-{userId}\"" : null);
            var answer = new StreamedPurchase(userId, attempt.Status, attempt.Code, attempt.RetryAfter is not null, attempt.Detail, attempt.Elapsed, attempt.Start);
            if (attempt.Status == RushAttempt.TransportFailure)
            {
                await Task.Delay(100);
            }

            lock (_answers)
            {
                _answers.Add(answer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
