using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Problems;

namespace TicketRush.Api.RateLimiting;

/// <summary>The one answer to a request over a limit: 429 ProblemDetails <c>rate-limited</c> with Retry-After.</summary>
public static class RateLimitRejection
{
    public static ProblemHttpResult Answer(HttpContext context, RateLimitLease lease)
    {
        RetryAfter.Set(context.Response, RetryAfterOf(lease));
        return Problem.RateLimited();
    }

    /// <summary>
    /// When the window ends, as the lease tells it: .NET's own limiters give a <see cref="TimeSpan"/>, RedisRateLimiting
    /// whole seconds (an <see cref="int"/>) under the same name, which the typed lookup never matches. One second if neither.
    /// </summary>
    public static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var after) switch
        {
            true when after is TimeSpan span => span,
            true when after is int seconds => TimeSpan.FromSeconds(seconds),
            _ => TimeSpan.FromSeconds(1),
        };
}
