using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace TicketRush.Gateway.Proxy;

/// <summary>
/// Sends a request that failed on one server to another, when that cannot buy twice: the request never reached the
/// first server (no connection), or it is safe by its nature (GET, HEAD) or by its <c>Idempotency-Key</c>, which the
/// servers honour across each other. Anything else that failed in flight is answered as a ProblemDetails 502, not
/// retried: a purchase without a key may have been made.
/// </summary>
internal sealed partial class RetryOnAnotherServer(RequestDelegate next, ILogger<RetryOnAnotherServer> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The body is read again on a retry; purchase bodies are small, so buffering costs little.
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        // Load balancing narrows AvailableDestinations to its one choice, so keep the healthy ones not tried yet.
        var untried = proxy.AvailableDestinations.ToList();
        while (true)
        {
            await next(context);

            if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.Response.HasStarted)
            {
                return;
            }

            if (proxy.ProxiedDestination is { } failed)
            {
                untried.Remove(failed);
            }

            if (untried.Count == 0 || error.Error is ForwarderError.NoAvailableDestinations || context.RequestAborted.IsCancellationRequested
                || !MaySendAgain(context.Request, error))
            {
                await WriteProblemAsync(context, error);
                return;
            }

            Retrying(logger, context.Request.Method, context.Request.Path, proxy.ProxiedDestination?.DestinationId, error.Error);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Request.Body.Position = 0;
            proxy.AvailableDestinations = [.. untried];
        }
    }

    private static bool MaySendAgain(HttpRequest request, IForwarderErrorFeature error) =>
        ForwardingFailure.NeverSent(error)
        || HttpMethods.IsGet(request.Method)
        || HttpMethods.IsHead(request.Method)
        || (IsPurchase(request) && request.Headers.ContainsKey(ApiHeaders.IdempotencyKey));

    /// <summary>Only purchases honour an Idempotency-Key: another POST carrying one (clients add it everywhere) could run twice.</summary>
    private static bool IsPurchase(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && PurchasePath().IsMatch(request.Path.Value ?? "");

    [System.Text.RegularExpressions.GeneratedRegex("^" + ApiRoutes.Tickets + "/[0-9]+/orders/?$")]
    private static partial System.Text.RegularExpressions.Regex PurchasePath();

    private static async Task WriteProblemAsync(HttpContext context, IForwarderErrorFeature error)
    {
        var noServer = error.Error is ForwarderError.NoAvailableDestinations;
        var status = noServer ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (noServer)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = noServer ? "No server available" : "Server failed",
                Detail = noServer
                    ? "No TicketRush server can take the request right now. Nothing was sold; try again shortly."
                    : "The server handling the request failed before answering. If it was a purchase without an Idempotency-Key, "
                      + "it may or may not have been made: retrying is safe, it either sells the ticket or says you already hold it.",
                Extensions = { ["code"] = noServer ? ProblemCodes.NoServerAvailable : ProblemCodes.BadGateway },
            },
        });
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} failed on {Destination} ({Error}); sending it to another server")]
    private static partial void Retrying(ILogger logger, string method, string path, string? destination, ForwarderError error);
}
