using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Problems;

namespace TicketRush.Api.RateLimiting;

/// <summary>The one answer to a request over a limit: 429 ProblemDetails <c>rate-limited</c> with Retry-After.</summary>
public static class RateLimitRejection
{
    public static ProblemHttpResult Answer(HttpContext context, RateLimitLease lease)
    {
        RetryAfter.Set(context.Response, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
        return Problem.RateLimited();
    }
}
