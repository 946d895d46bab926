using System.Threading.RateLimiting;
using RedisRateLimiting;
using TicketRush.Api.RateLimiting;

namespace TicketRush.UnitTests.RateLimiting;

/// <summary>The 429's Retry-After is what is left of the window, whichever way the limiter's lease says it.</summary>
public sealed class RateLimitRejectionTests
{
    private sealed class RejectedLease(string? name, object? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => name is null ? [] : [name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == name ? retryAfter : null;
            return metadata is not null;
        }
    }

    [Fact]
    public void Whole_seconds_as_RedisRateLimiting_gives_them()
    {
        Assert.Equal(TimeSpan.FromSeconds(29), RateLimitRejection.RetryAfterOf(new RejectedLease(RateLimitMetadataName.RetryAfter.Name, 29)));
    }

    [Fact]
    public void A_time_span_as_the_framework_limiters_give_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(7.5), RateLimitRejection.RetryAfterOf(new RejectedLease(MetadataName.RetryAfter.Name, TimeSpan.FromSeconds(7.5))));
    }

    [Fact]
    public void One_second_when_the_lease_does_not_say()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RateLimitRejection.RetryAfterOf(new RejectedLease(null, null)));
    }
}
