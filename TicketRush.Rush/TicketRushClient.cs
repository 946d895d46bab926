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

    public static async Task<List<OrderDto>> GetAllOrdersAsync(this HttpClient server, long ticketId, CancellationToken cancellationToken = default)
    {
        var orders = new List<OrderDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await server.GetFromJsonAsync<OrderPageDto>($"/api/tickets/{ticketId}/orders?page={page}&pageSize=500", cancellationToken))!;
            orders.AddRange(batch.Items);
            if (orders.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                return orders;
            }
        }
    }

    /// <summary>Buys one ticket for <paramref name="userId"/> with the ticket's own strategy.</summary>
    public static async Task<HttpResponseMessage> PurchaseAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default)
    {
        using var request = PurchaseRequest(ticketId, userId);
        return await server.SendAsync(request, cancellationToken);
    }

    /// <summary>Buys one ticket at <paramref name="path"/> (e.g. with a <c>?strategy=</c>) for <paramref name="userId"/>.</summary>
    public static async Task<HttpResponseMessage> PurchaseAtAsync(this HttpClient server, string path, long userId, CancellationToken cancellationToken = default)
    {
        using var request = PostForBuyer(path, userId);
        return await server.SendAsync(request, cancellationToken);
    }

    /// <summary>A POST of <c>{ userId }</c> to <paramref name="path"/>, sent for that buyer.</summary>
    private static HttpRequestMessage PostForBuyer(string path, long userId) =>
        new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { userId }) }.AsBuyer(userId);

    /// <summary>Which buyer a request is sent for; a client made with <see cref="BuyerTokens"/> sends that buyer's token.</summary>
    public static readonly HttpRequestOptionsKey<long> BuyerOption = new("TicketRush.Buyer");

    /// <summary>Marks <paramref name="request"/> as sent by <paramref name="userId"/> (see <see cref="BuyerTokenHandler"/>).</summary>
    public static HttpRequestMessage AsBuyer(this HttpRequestMessage request, long userId)
    {
        request.Options.Set(BuyerOption, userId);
        return request;
    }

    /// <summary>A buyer token from the server's development endpoint (Development only), for clients without the signing key.</summary>
    public static async Task<DevTokenDto> IssueDevTokenAsync(this HttpClient server, long userId, CancellationToken cancellationToken = default)
    {
        using var response = await server.PostAsJsonAsync(DevTokensPath, new { userId }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DevTokenDto>(cancellationToken))!;
    }

    public const string DevTokensPath = "/api/dev/tokens";

    public static string PurchasePath(long ticketId) => $"/api/tickets/{ticketId}/orders";

    public const string AdmissionTokenHeader = "Admission-Token";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A purchase request, with the admission a waiting room gave and an Idempotency-Key when given (sent as is, malformed or not).</summary>
    public static HttpRequestMessage PurchaseRequest(long ticketId, long userId, string? admissionToken = null, string? idempotencyKey = null)
    {
        var request = PostForBuyer(PurchasePath(ticketId), userId);
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
        using var request = PostForBuyer($"/api/tickets/{ticketId}/queue", userId);
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QueueStatusDto>(cancellationToken))!;
    }

    public static async Task<QueueStatusDto> GetQueueStatusAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticketId}/queue/{userId}").AsBuyer(userId);
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QueueStatusDto>(cancellationToken))!;
    }

    /// <summary>The ProblemDetails of an error response, or null when the body is not one.</summary>
    public static async Task<ProblemDto?> ReadProblemOrNullAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ProblemDto>(cancellationToken)
            : null;
}
