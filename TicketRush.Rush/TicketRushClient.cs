using System.Net.Http.Json;

namespace TicketRush.Rush;

/// <summary>The TicketRush API calls a rush needs besides purchases.</summary>
public static class TicketRushClient
{
    public const string AdminKeyHeader = "X-Admin-Key";

    /// <summary>The admin key the AppHost gives both servers in Development; the CLI's default.</summary>
    public const string DevelopmentAdminKey = "ticketrush-dev-admin-key";
    public const string ServedByHeader = "X-Served-By";

    public const string HealthPath = "/health";

    /// <summary>
    /// Puts a ticket on sale. Every purchase of it runs <paramref name="strategy"/>: a ticket carries its strategy,
    /// so callers state it here rather than on each purchase.
    /// </summary>
    /// <param name="waitingRoom">When given, buyers must join the ticket's line and be admitted before they may buy.</param>
    public static async Task<TicketDto> CreateTicketAsync(
        this HttpClient server, string adminKey, int stock, string strategy, string? name = null, CancellationToken cancellationToken = default,
        WaitingRoomDto? waitingRoom = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new { name = name ?? $"rush-{Guid.NewGuid():N}", stock, strategy, waitingRoom }),
        };
        request.Headers.Add(AdminKeyHeader, adminKey);
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(cancellationToken))!;
    }

    public static async Task<TicketDto> GetTicketAsync(this HttpClient server, long ticketId, CancellationToken cancellationToken = default) =>
        (await server.GetFromJsonAsync<TicketDto>($"/api/tickets/{ticketId}", cancellationToken))!;

    public static async Task<List<StrategyDto>> GetStrategiesAsync(this HttpClient server, CancellationToken cancellationToken = default) =>
        (await server.GetFromJsonAsync<List<StrategyDto>>("/api/strategies", cancellationToken))!;

    /// <summary>Every order of a ticket, oldest first, following each page's <c>next</c> link: each order exactly once.</summary>
    public static async Task<List<OrderDto>> GetAllOrdersAsync(this HttpClient server, long ticketId, CancellationToken cancellationToken = default)
    {
        var orders = new List<OrderDto>();
        for (string? page = $"/api/tickets/{ticketId}/orders?pageSize=500"; page is not null;)
        {
            var batch = (await server.GetFromJsonAsync<OrderPageDto>(page, cancellationToken))!;
            orders.AddRange(batch.Items);
            page = batch.Next;
        }

        return orders;
    }

    /// <summary>Buys one ticket for <paramref name="userId"/> with the ticket's own strategy.</summary>
    public static Task<HttpResponseMessage> PurchaseAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default) =>
        server.PostAsJsonAsync(PurchasePath(ticketId), new { userId }, cancellationToken);

    public static string PurchasePath(long ticketId) => $"/api/tickets/{ticketId}/orders";

    public const string AdmissionTokenHeader = "Admission-Token";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A purchase request, with the admission a waiting room gave and an Idempotency-Key when given (sent as is, malformed or not).</summary>
    public static HttpRequestMessage PurchaseRequest(long ticketId, long userId, string? admissionToken = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PurchasePath(ticketId)) { Content = JsonContent.Create(new { userId }) };
        if (admissionToken is not null)
        {
            request.Headers.Add(AdmissionTokenHeader, admissionToken);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        return request;
    }

    /// <summary>Buys one ticket of a waiting-room sale with the admission the buyer was given.</summary>
    public static async Task<HttpResponseMessage> PurchaseAdmittedAsync(
        this HttpClient server, long ticketId, long userId, string? admissionToken, CancellationToken cancellationToken = default)
    {
        using var request = PurchaseRequest(ticketId, userId, admissionToken);
        return await server.SendAsync(request, cancellationToken);
    }

    /// <summary>Joins a waiting-room ticket's line; joining again returns the same position.</summary>
    public static async Task<QueueStatusDto> JoinQueueAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default)
    {
        using var response = await server.PostAsJsonAsync($"/api/tickets/{ticketId}/queue", new { userId }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QueueStatusDto>(cancellationToken))!;
    }

    public static async Task<QueueStatusDto> GetQueueStatusAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default) =>
        (await server.GetFromJsonAsync<QueueStatusDto>($"/api/tickets/{ticketId}/queue/{userId}", cancellationToken))!;

    /// <summary>The ProblemDetails of an error response, or null when the body is not one.</summary>
    public static async Task<ProblemDto?> ReadProblemOrNullAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ProblemDto>(cancellationToken)
            : null;
}
