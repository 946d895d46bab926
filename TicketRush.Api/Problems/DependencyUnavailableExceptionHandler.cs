using Microsoft.AspNetCore.Diagnostics;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.Problems;

/// <summary>An unavailable MySQL or Redis anywhere in the API is a 503, not a 500; the body names no host, port or exception.</summary>
internal sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A cancellation the buyer did not cause is a dependency that did not answer: the API passes no request token down.
        if (DependencyFailure.Describe(exception, deadlinePassed: !httpContext.RequestAborted.IsCancellationRequested) is not { } reason)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"Try again shortly: {reason}.",
                Extensions = { [Problem.CodeExtension] = ProblemCodes.DependencyUnavailable },
            },
        });
    }
}
