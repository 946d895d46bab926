using Microsoft.AspNetCore.Http.Features;

namespace TicketRush.Gateway;

/// <summary>
/// A body declared larger than Kestrel's <c>MaxRequestBodySize</c> is refused at the front door with a 413
/// ProblemDetails, before any server sees a byte of it. (A chunked body that grows past the limit is cut off by Kestrel
/// while forwarding, and YARP answers that 413 itself.)
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is { } length && limit is { } max && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"A request body may be at most {max} bytes.",
                    Extensions = { ["code"] = ProblemCodes.RequestTooLarge },
                },
            });
            return;
        }

        await next(context);
    }
}
