using System.Net.Http.Json;

namespace TicketRush.Rush;

/// <summary>The TicketRush API calls a rush needs besides purchases.</summary>
public static class TicketRushClient
{
    /// <summary>The admin key the AppHost gives both servers in Development; the CLI's default.</summary>
    public const string DevelopmentAdminKey = "ticketrush-dev-admin-key";

    /// <summary>
    /// Puts a ticket on sale. Every purchase of it runs <paramref name="strategy"/>: a ticket carries its strategy,
    /// so callers state it here rather than on each purchase.
    /// </summary>
    /// <param name="waitingRoom">When given, buyers must join the ticket's line and be admitted before they may buy.</param>
    public static async Task<TicketResponse> CreateTicketAsync(
        this HttpClient server, string adminKey, int stock, string strategy, string? name = null, CancellationToken cancellationToken = default,
        WaitingRoomRequest? waitingRoom = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Tickets)
        {
            Content = JsonContent.Create(new CreateTicketRequest(name ?? $"rush-{Guid.NewGuid():N}", stock, strategy, waitingRoom)),
        };
        request.Headers.Add(ApiHeaders.AdminKey, adminKey);
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(cancellationToken))!;
    }

    public static async Task<TicketResponse> GetTicketAsync(this HttpClient server, long ticketId, CancellationToken cancellationToken = default) =>
        (await server.GetFromJsonAsync<TicketResponse>(ApiRoutes.Ticket(ticketId), cancellationToken))!;

    public static async Task<List<StrategyDescriptor>> GetStrategiesAsync(this HttpClient server, CancellationToken cancellationToken = default) =>
        (await server.GetFromJsonAsync<List<StrategyDescriptor>>(ApiRoutes.Strategies, cancellationToken))!;

    /// <summary>Every order of a ticket, oldest first, following each page's <c>next</c> link: each order exactly once.</summary>
    public static async Task<List<OrderResponse>> GetAllOrdersAsync(this HttpClient server, long ticketId, CancellationToken cancellationToken = default)
    {
        var orders = new List<OrderResponse>();
        for (string? page = ApiRoutes.OrdersFirstPage(ticketId, 500); page is not null;)
        {
            var batch = (await server.GetFromJsonAsync<OrderPage>(page, cancellationToken))!;
            orders.AddRange(batch.Items);
            page = batch.Next;
        }

        return orders;
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
        using var request = PostForBuyer(path, new PurchaseRequest(userId));
        return await server.SendAsync(request, cancellationToken);
    }

    /// <summary>A POST of <paramref name="body"/> to <paramref name="path"/>, sent for the buyer it names.</summary>
    private static HttpRequestMessage PostForBuyer<T>(string path, T body) where T : IBuyerRequest =>
        new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.AsBuyer(body.UserId!.Value);

    /// <summary>Which buyer a request is sent for; a client made with <see cref="BuyerTokens"/> sends that buyer's token.</summary>
    public static readonly HttpRequestOptionsKey<long> BuyerOption = new("TicketRush.Buyer");

    /// <summary>Marks <paramref name="request"/> as sent by <paramref name="userId"/> (see <see cref="BuyerTokenHandler"/>).</summary>
    public static HttpRequestMessage AsBuyer(this HttpRequestMessage request, long userId)
    {
        request.Options.Set(BuyerOption, userId);
        return request;
    }

    /// <summary>A buyer token from the server's development endpoint (Development only), for clients without the signing key.</summary>
    public static async Task<DevTokenResponse> IssueDevTokenAsync(this HttpClient server, long userId, CancellationToken cancellationToken = default)
    {
        using var response = await server.PostAsJsonAsync(ApiRoutes.DevTokens, new DevTokenRequest(userId), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DevTokenResponse>(cancellationToken))!;
    }

    /// <summary>A purchase request, with the admission a waiting room gave and an Idempotency-Key when given (sent as is, malformed or not).</summary>
    public static HttpRequestMessage PurchaseRequest(long ticketId, long userId, string? admissionToken = null, string? idempotencyKey = null)
    {
        var request = PostForBuyer(ApiRoutes.Orders(ticketId), new PurchaseRequest(userId));
        if (admissionToken is not null)
        {
            request.Headers.Add(ApiHeaders.AdmissionToken, admissionToken);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiHeaders.IdempotencyKey, idempotencyKey);
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
    public static async Task<QueueStatusResponse> JoinQueueAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default)
    {
        using var request = PostForBuyer(ApiRoutes.Queue(ticketId), new JoinQueueRequest(userId));
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QueueStatusResponse>(cancellationToken))!;
    }

    public static async Task<QueueStatusResponse> GetQueueStatusAsync(this HttpClient server, long ticketId, long userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.QueueStatus(ticketId, userId)).AsBuyer(userId);
        using var response = await server.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QueueStatusResponse>(cancellationToken))!;
    }

    /// <summary>The ProblemDetails of an error response, or null when the body is not one.</summary>
    public static async Task<ApiProblem?> ReadProblemOrNullAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        response.Content.Headers.ContentType?.MediaType == ApiProblem.MediaType
            ? await response.Content.ReadFromJsonAsync<ApiProblem>(cancellationToken)
            : null;
}
