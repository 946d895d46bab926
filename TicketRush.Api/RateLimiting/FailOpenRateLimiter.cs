using System.Threading.RateLimiting;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.RateLimiting;

/// <summary>
/// Lets requests through when the shared limit cannot be checked (Redis down or stalled): a limit protects capacity,
/// not correctness, which the strategies and the (ticket, user) index keep without Redis. After one failure the
/// limit is not checked for <c>RedisFailureMemory</c>, so a stalled Redis does not add its timeout to every request.
/// </summary>
internal sealed partial class FailOpenRateLimiter<TResource>(
    PartitionedRateLimiter<TResource> inner, TimeSpan failureMemory, TimeProvider time, ILogger logger) : PartitionedRateLimiter<TResource>
{
    private long _skipUntil;

    public override RateLimiterStatistics? GetStatistics(TResource resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(TResource resource, int permitCount) =>
        Skipping ? AllowedLease.Instance : Guard(() => inner.AttemptAcquire(resource, permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(TResource resource, int permitCount, CancellationToken cancellationToken)
    {
        if (Skipping)
        {
            return AllowedLease.Instance;
        }

        try
        {
            return await inner.AcquireAsync(resource, permitCount, cancellationToken);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            return FailOpen(exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    private bool Skipping => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntil);

    private RateLimitLease Guard(Func<RateLimitLease> acquire)
    {
        try
        {
            return acquire();
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            return FailOpen(exception);
        }
    }

    private RateLimitLease FailOpen(Exception exception)
    {
        Interlocked.Exchange(ref _skipUntil, (time.GetUtcNow() + failureMemory).UtcTicks);
        LimitsNotChecked(logger, exception);
        return AllowedLease.Instance;
    }

    [LoggerMessage(LogLevel.Warning, "Rate limits are not checked for a moment: Redis could not be asked")]
    private static partial void LimitsNotChecked(ILogger logger, Exception exception);

    private sealed class AllowedLease : RateLimitLease
    {
        public static readonly AllowedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
