using System.Net.Http.Headers;

namespace TicketRush.Rush;

/// <summary>
/// Sends a request marked with <see cref="TicketRushClient.AsBuyer"/> with that buyer's bearer token, so every call
/// site that names a buyer authenticates as that buyer without knowing about tokens. A request that already carries
/// an Authorization header is left alone (tests send wrong tokens on purpose).
/// </summary>
public sealed class BuyerTokenHandler(BuyerTokens tokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && request.Options.TryGetValue(TicketRushClient.BuyerOption, out var buyer))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(buyer));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
