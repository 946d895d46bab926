using TicketRush.Api.Catalog;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Problems;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// Lets a purchase of a waiting-room ticket through only with a valid, unexpired <c>Admission-Token</c> for that ticket
/// and buyer, or for a buyer who already bought (their retry is answered by the sale, not refused). Tickets without a
/// waiting room pass untouched.
/// </summary>
internal sealed partial class AdmissionFilter(
    Func<EndpointFilterInvocationContext, (long TicketId, long Buyer)?> describe,
    SaleCatalog sales,
    AdmissionToken tokens,
    WaitingLine line,
    TimeProvider time,
    ILogger<AdmissionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (describe(context) is not var (ticketId, buyer)
            || await sales.FindAsync(ticketId, CancellationToken.None) is not { Admission: not null })
        {
            return await next(context);
        }

        var token = context.HttpContext.Request.Headers[ApiHeaders.AdmissionToken].ToString();
        if (tokens.IsValid(token, ticketId, buyer, time.GetUtcNow()))
        {
            var result = await next(context);
            if (StatusOf(context.HttpContext, result) == StatusCodes.Status201Created)
            {
                await MarkPurchasedAsync(ticketId, buyer);
            }

            return result;
        }

        return await HasPurchasedAsync(ticketId, buyer) ? await next(context) : Problem.NotAdmitted(ticketId);
    }

    private static int StatusOf(HttpContext http, object? result) => result switch
    {
        INestedHttpResult { Result: IStatusCodeHttpResult { StatusCode: { } nested } } => nested,
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => http.Response.StatusCode,
    };

    private async Task MarkPurchasedAsync(long ticketId, long buyer)
    {
        try
        {
            await line.MarkPurchasedAsync(ticketId, buyer);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            // The sale stands; the unused-looking admission lapses at its expiry and frees nothing the stock does not.
            LineUnavailable(logger, exception);
        }
    }

    private async Task<bool> HasPurchasedAsync(long ticketId, long buyer)
    {
        try
        {
            return await line.HasPurchasedAsync(ticketId, buyer);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            LineUnavailable(logger, exception);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The waiting line is unavailable")]
    private static partial void LineUnavailable(ILogger logger, Exception exception);
}
