using System.Collections.Concurrent;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>One run per key at a time: callers that arrive while it runs share its result instead of starting their own.</summary>
internal sealed class SingleFlight<TKey, TResult> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TResult>>> _running = new();

    public async Task<TResult> RunAsync(TKey key, Func<Task<TResult>> run, CancellationToken cancellationToken)
    {
        var flight = _running.GetOrAdd(key, _ => new Lazy<Task<TResult>>(run));
        try
        {
            return await flight.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (flight.Value.IsCompleted)
            {
                _running.TryRemove(KeyValuePair.Create(key, flight));
            }
        }
    }
}
