using System.Diagnostics;

namespace TicketRush.Bench.Load;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers, each starting its next operation when the last one ended, until the
/// time window closes or the operation budget is spent. An operation in flight when the window closes is allowed to
/// finish (no cancelled requests, so connections close gracefully) and is counted.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="operation">Runs operation number <c>n</c> (0-based, unique across workers) and names its outcome.</param>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan window, long maxOperations, Func<long, CancellationToken, Task<string>> operation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOperations);
        var next = -1L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var samples = new List<LoadSample>();
            long n;
            while (clock.Elapsed < window && (n = Interlocked.Increment(ref next)) < maxOperations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = clock.Elapsed;
                string outcome;
                try
                {
                    outcome = await operation(n, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcome = $"error {exception.GetType().Name}";
                }

                samples.Add(new LoadSample(clock.Elapsed - started, outcome));
            }

            return samples;
        }, cancellationToken)).ToList();

        var all = await Task.WhenAll(workers);
        clock.Stop();
        return new LoadResult(concurrency, clock.Elapsed, [.. all.SelectMany(s => s)]);
    }
}
