using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Problems;

/// <summary>An unavailable MySQL or Redis anywhere in the API is a 503 with Retry-After, not a 500.</summary>
internal sealed class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, IOptions<PurchaseOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DependencyFailure.IsUnavailable(exception))
        {
            return false;
        }

        RetryAfter.Set(httpContext.Response, options.Value.RetryAfter);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "A dependency of the API is unavailable; try again shortly.",
            },
        });
    }
}
