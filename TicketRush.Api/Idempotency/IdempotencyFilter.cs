using TicketRush.Api.Dependencies;
using TicketRush.Api.Problems;

namespace TicketRush.Api.Idempotency;

/// <summary>
/// Makes an endpoint safe to retry with an <c>Idempotency-Key</c>: the first completed answer (any decision, not only
/// success) is stored and replayed, marked by <see cref="ApiHeaders.IdempotentReplayed"/>, to every retry in the same scope (ticket and
/// buyer) on either server. Requests without the header pass through untouched.
/// </summary>
/// <param name="describe">The key's scope and the fingerprint of what the request asks for; null when the request is too malformed to scope, and the endpoint answers it.</param>
internal sealed partial class IdempotencyFilter(
    Func<EndpointFilterInvocationContext, (string Scope, string Fingerprint)?> describe,
    IdempotencyStore store,
    IdempotencyTelemetry telemetry,
    ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(ApiHeaders.IdempotencyKey, out var header))
        {
            return await next(context);
        }

        if (header.Count != 1 || !IdempotencyKey.TryParse(header[0], out var key))
        {
            return Problem.Invalid(ApiHeaders.IdempotencyKey,
                $"{ApiHeaders.IdempotencyKey} must be one string of 1 to {IdempotencyKey.MaxLength} printable ASCII characters, quoted (\"…\") or bare.");
        }

        if (describe(context) is not var (scope, fingerprint))
        {
            return await next(context);
        }

        var request = new IdempotentRequest(key, scope, fingerprint);
        IdempotencyClaim claim;
        try
        {
            claim = await store.ClaimAsync(request);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            // Without the store a retry could not be recognised: refuse rather than risk running a purchase twice.
            StoreUnavailable(logger, exception);
            return Problem.Unavailable(DependencyFailure.Describe(exception, deadlinePassed: false) == UnavailableReasons.RedisFull
                ? UnavailableReasons.IdempotencyStoreFull
                : UnavailableReasons.IdempotencyStore);
        }

        switch (claim)
        {
            case IdempotencyClaim.Mismatch:
                return Problem.IdempotencyKeyReused();
            case IdempotencyClaim.InProgress running:
                RetryAfter.Set(http.Response, running.RetryIn);
                return Problem.IdempotencyInProgress();
            case IdempotencyClaim.Completed completed:
                return new ReplayedResult(completed.Response);
        }

        var owner = ((IdempotencyClaim.Acquired)claim).Owner;
        var answer = await RunCapturedAsync(context, next, request, owner);
        await http.Response.Body.WriteAsync(answer);
        return Results.Empty;
    }

    /// <summary>Runs the endpoint with its answer written to memory, stores the answer, and returns its body to send.</summary>
    private async Task<byte[]> RunCapturedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, IdempotentRequest request, string owner)
    {
        var http = context.HttpContext;
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        using var stopRenewing = new CancellationTokenSource();
        var renewing = store.RenewUntilAsync(request, owner, exception => RenewalFailed(logger, exception.Message), stopRenewing.Token);
        int status;
        try
        {
            http.Response.Body = buffer;
            var result = await next(context);
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(http);
            }

            // JSON results write through BodyWriter, which buffers in front of the swapped stream until flushed.
            await http.Response.BodyWriter.FlushAsync();

            status = http.Response.StatusCode;
        }
        catch
        {
            // No answer to store: free the key at once rather than making retries wait out its lease.
            await SettleAsync(request, owner, StatusCodes.Status500InternalServerError, http.Response, []);
            throw;
        }
        finally
        {
            http.Response.Body = body;
            await stopRenewing.CancelAsync();
            if (!await renewing)
            {
                ReportLeaseLost("renewal");
            }
        }

        var answer = buffer.ToArray();
        await SettleAsync(request, owner, status, http.Response, answer);
        return answer;
    }

    /// <summary>
    /// Whether an answer is the request's decision, replayed to every retry. Not: a 5xx; a 401/403 refusal (e.g. not yet
    /// admitted from a waiting room); a 404 (nothing there to decide about, and a key must not stay poisoned by a
    /// mistyped id); a 429 limit; any answer that says to retry later (Retry-After, e.g. a purchase still in progress).
    /// </summary>
    public static bool IsDecision(int status, IHeaderDictionary headers) =>
        status is < 500 and not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            or StatusCodes.Status404NotFound or StatusCodes.Status429TooManyRequests)
        && !headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter);

    /// <summary>
    /// Stores a decision for replay; frees the key when the answer was not one (<see cref="IsDecision"/>), so a retry runs
    /// again. Stored before the answer is sent, so a buyer who never receives it gets it on retry.
    /// </summary>
    private async Task SettleAsync(IdempotentRequest request, string owner, int status, HttpResponse response, byte[] body)
    {
        try
        {
            if (!IsDecision(status, response.Headers))
            {
                await store.ReleaseAsync(request, owner);
            }
            else if (!await store.CompleteAsync(request, owner, new StoredResponse(status, response.ContentType, response.Headers.Location, body)))
            {
                ReportLeaseLost("completion");
            }
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            // The answer stands; the key's lease runs out and a retry runs again, which the (ticket, user) index answers.
            StoreUnavailable(logger, exception);
        }
    }

    private void ReportLeaseLost(string stage)
    {
        telemetry.RecordLeaseLost(stage);
        LeaseLost(logger, stage);
    }

    [LoggerMessage(LogLevel.Warning, "An Idempotency-Key lost its lease while its request ran (at {Stage}): a retry may have run the request again; this answer is sent but may not be the one replayed")]
    private static partial void LeaseLost(ILogger logger, string stage);

    [LoggerMessage(LogLevel.Debug, "Renewing an Idempotency-Key lease failed ({Reason}); renewing goes on")]
    private static partial void RenewalFailed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "The idempotency store is unavailable")]
    private static partial void StoreUnavailable(ILogger logger, Exception exception);

    private sealed class ReplayedResult(StoredResponse stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.Status;
            response.ContentType = stored.ContentType;
            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            response.Headers[ApiHeaders.IdempotentReplayed] = "true";
            await response.Body.WriteAsync(stored.Body);
        }
    }
}
