using System.Net.Http.Headers;
using System.Net.Http.Json;
using TicketRush.Rush;

namespace TicketRush.Tests.Buyers;

/// <summary>Requests exactly as a test states them: the body as given, and a bearer token only when one is passed.</summary>
public static class BuyerRequests
{
    public static HttpRequestMessage Purchase(long ticketId, object body, string? token, string? clientAddress = null) =>
        With(new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Orders(ticketId)) { Content = JsonContent.Create(body) }, token, clientAddress);

    public static HttpRequestMessage JoinQueue(long ticketId, object body, string? token) =>
        With(new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticketId}/queue") { Content = JsonContent.Create(body) }, token, null);

    public static HttpRequestMessage QueueStatus(long ticketId, long userId, string? token) =>
        With(new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticketId}/queue/{userId}"), token, null);

    public static HttpRequestMessage WithAdmission(this HttpRequestMessage request, string admissionToken)
    {
        request.Headers.Add(ApiHeaders.AdmissionToken, admissionToken);
        return request;
    }

    private static HttpRequestMessage With(HttpRequestMessage request, string? token, string? clientAddress)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (clientAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
        }

        return request;
    }
}
