using System.Globalization;
using System.Net.Http.Json;
using TicketRush.Rush;

namespace TicketRush.Bench.Scenarios;

/// <summary>One purchase over HTTP, named by its outcome: <c>201</c>, <c>409 sold-out</c>, or <c>transport</c> when no response came.</summary>
internal static class PurchaseRequest
{
    public static async Task<string> SendAsync(HttpClient server, string path, long userId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await server.PurchaseAtAsync(path, userId, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return "transport";
        }

        using var _ = response;
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (response.IsSuccessStatusCode)
        {
            // Read the body, as a buyer would: the response is not over until it has arrived.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return status;
        }

        var problem = await response.ReadProblemOrNullAsync(cancellationToken);
        return problem?.Code is { } code ? $"{status} {code}" : status;
    }
}
