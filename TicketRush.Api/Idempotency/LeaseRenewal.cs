namespace TicketRush.Api.Idempotency;

/// <summary>
/// Renews a lease on a timer until stopped. A failed renewal is not a lost lease: Redis may answer the next one while
/// the lease still runs (a one-second blip must not free a key whose purchase is still running). Only the store saying
/// the lease is no longer this holder's ends the renewing.
/// </summary>
internal static class LeaseRenewal
{
    /// <param name="renew">Renews once; false when the lease is no longer the holder's.</param>
    /// <param name="failed">Called with each renewal that threw a transient error; renewing goes on.</param>
    /// <returns>False when the lease was lost before <paramref name="stop"/>; true when it was held to the end.</returns>
    public static async Task<bool> RenewUntilAsync(
        Func<Task<bool>> renew, Func<Exception, bool> isTransient, Action<Exception> failed,
        TimeSpan every, TimeProvider time, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await renew())
                    {
                        return false;
                    }
                }
                catch (Exception exception) when (isTransient(exception) && !stop.IsCancellationRequested)
                {
                    failed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return true;
    }
}
