using System.Collections.Concurrent;

namespace TicketRush.Api.Purchasing.Blocking;

/// <summary>
/// A fixed set of threads of its own for work that blocks (a monitor held across synchronous database calls), like
/// Tomcat's request threads behind the study's <c>synchronized</c>. Blocking here never takes a thread from the
/// .NET thread pool, so every other request, health probes included, keeps being served however many buyers wait.
/// </summary>
internal sealed class BlockingWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread[] _threads;

    public BlockingWorkers(int threads, string name)
    {
        _threads = [.. Enumerable.Range(1, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name} {i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on one of these threads, in the caller's execution context (its span and log scope).
    /// Work still queued when <paramref name="deadline"/> passes does not start: it gets <paramref name="expired"/>.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> work, PurchaseDeadline deadline, Func<T> expired)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = ExecutionContext.Capture();
        _queue.Add(() =>
        {
            try
            {
                result.SetResult(deadline.HasPassed ? expired() : RunIn(context, work));
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        });
        return result.Task;
    }

    private static T RunIn<T>(ExecutionContext? context, Func<T> work)
    {
        if (context is null)
        {
            return work();
        }

        var result = default(T)!;
        ExecutionContext.Run(context, _ => result = work(), null);
        return result;
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
        }
    }

    public void Dispose() => _queue.CompleteAdding();
}
