using TicketRush.Api.Endpoints;

namespace TicketRush.Api.Idempotency;

internal static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Accepts an <c>Idempotency-Key</c> on this endpoint; <paramref name="describe"/> names the key's scope (what the
    /// request acts on and who sends it) and the fingerprint of what it asks for.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(
        this RouteHandlerBuilder endpoint, Func<EndpointFilterInvocationContext, (string Scope, string Fingerprint)?> describe) =>
        endpoint.AddFilter<IdempotencyFilter>(describe);
}
