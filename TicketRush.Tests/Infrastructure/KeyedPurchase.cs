using TicketRush.Rush;

namespace TicketRush.Tests.Infrastructure;

/// <summary>Purchases with an <c>Idempotency-Key</c>, an admission and, for a client behind the gateway, its address.</summary>
public static class KeyedPurchase
{
    public static async Task<HttpResponseMessage> PurchaseAsync(
        this HttpClient server, long ticketId, long userId, string? key, string? clientAddress = null, string? admissionToken = null,
        CancellationToken cancellationToken = default)
    {
        using var request = TicketRushClient.PurchaseRequest(ticketId, userId, admissionToken, key);
        if (clientAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
        }

        return await server.SendAsync(request, cancellationToken);
    }

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(ApiHeaders.IdempotentReplayed, out var values) && values.Single() == "true";

    /// <summary>A key nobody used before, in the draft's structured-field form.</summary>
    public static string NewKey() => $"\"{Guid.NewGuid()}\"";

    /// <summary>A client address nobody used before (TEST-NET-2/3), so earlier tests' windows do not count.</summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"{(n < 256 ? "198.51.100" : "203.0.113")}.{n % 256}";
    }

    private static int _nextAddress;
}
