using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using RedisRateLimiting;
using TicketRush.Api.Problems;

namespace TicketRush.Api.RateLimiting;

/// <summary>The one answer to a request over a limit: 429 ProblemDetails <c>rate-limited</c> with Retry-After.</summary>
internal static class RateLimitRejection
{
    public static ProblemHttpResult Answer(HttpContext context, RateLimitLease lease)
    {
        RetryAfter.Set(context.Response, RetryAfterOf(lease));
        return Problem.RateLimited();
    }

    /// <summary>
    /// When the window ends, as the lease tells it: .NET's own limiters as a <see cref="TimeSpan"/> under
    /// <see cref="MetadataName.RetryAfter"/>, RedisRateLimiting as whole seconds under a name of its own. One second if neither.
    /// </summary>
    public static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after
        : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.FromSeconds(1);
}
