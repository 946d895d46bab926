using TicketRush.Api.Endpoints;

namespace TicketRush.Api.Idempotency;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Accepts an <c>Idempotency-Key</c> on this endpoint; <paramref name="describe"/> names the buyer and what the request asks for.</summary>
    public static RouteHandlerBuilder WithIdempotency(
        this RouteHandlerBuilder endpoint, Func<EndpointFilterInvocationContext, (long Buyer, string Fingerprint)?> describe) =>
        endpoint.AddFilter<IdempotencyFilter>(describe);
}
