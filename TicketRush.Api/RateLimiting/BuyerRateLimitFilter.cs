using System.Threading.RateLimiting;

namespace TicketRush.Api.RateLimiting;

/// <summary>Limits an endpoint per buyer, across both servers; the buyer is known only once the body is bound.</summary>
internal sealed class BuyerRateLimitFilter(Func<EndpointFilterInvocationContext, long?> buyerOf, RateLimitPartitions partitions) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter = partitions.ByBuyer();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (partitions.IsExempt(context.HttpContext) || buyerOf(context) is not { } buyer)
        {
            return await next(context);
        }

        using var lease = await _limiter.AcquireAsync(buyer);
        return lease.IsAcquired ? await next(context) : RateLimitRejection.Answer(context.HttpContext, lease);
    }

    public void Dispose() => _limiter.Dispose();
}
