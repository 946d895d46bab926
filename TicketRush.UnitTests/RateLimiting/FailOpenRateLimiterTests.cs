using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TicketRush.Api.RateLimiting;

namespace TicketRush.UnitTests.RateLimiting;

public sealed class FailOpenRateLimiterTests
{
    private static readonly TimeSpan Memory = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Redis_failing_lets_the_request_through()
    {
        var inner = new ScriptedLimiter(() => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"));
        using var limiter = new FailOpenRateLimiter<string>(inner, Memory, _time, NullLogger.Instance);

        using var lease = await limiter.AcquireAsync("client");

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task After_a_failure_Redis_is_not_asked_until_the_memory_passes()
    {
        var inner = new ScriptedLimiter(() => throw new RedisTimeoutException("stalled", CommandStatus.Sent));
        using var limiter = new FailOpenRateLimiter<string>(inner, Memory, _time, NullLogger.Instance);

        (await limiter.AcquireAsync("client")).Dispose();
        (await limiter.AcquireAsync("client")).Dispose();
        Assert.Equal(1, inner.Calls);

        _time.Advance(Memory + TimeSpan.FromMilliseconds(1));
        (await limiter.AcquireAsync("client")).Dispose();
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_refusal_from_a_working_Redis_stands()
    {
        var inner = new ScriptedLimiter(() => new ScriptedLimiter.Lease(acquired: false));
        using var limiter = new FailOpenRateLimiter<string>(inner, Memory, _time, NullLogger.Instance);

        using var lease = await limiter.AcquireAsync("client");

        Assert.False(lease.IsAcquired);
    }

    [Fact]
    public async Task A_bug_is_not_mistaken_for_an_outage()
    {
        var inner = new ScriptedLimiter(() => throw new InvalidOperationException("bug"));
        using var limiter = new FailOpenRateLimiter<string>(inner, Memory, _time, NullLogger.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await limiter.AcquireAsync("client"));
    }

    private sealed class ScriptedLimiter(Func<RateLimitLease> acquire) : PartitionedRateLimiter<string>
    {
        public int Calls { get; private set; }

        public override RateLimiterStatistics? GetStatistics(string resource) => null;

        protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) => Next();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Next());

        private RateLimitLease Next()
        {
            Calls++;
            return acquire();
        }

        public sealed class Lease(bool acquired) : RateLimitLease
        {
            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
