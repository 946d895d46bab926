using System.Net;
using System.Net.Http.Json;

namespace TicketRush.Tests.Infrastructure;

/// <summary>The API calls tests make besides purchases.</summary>
public static class TicketRushClient
{
    public static async Task<TicketDto> CreateTicketAsync(this HttpClient server, int stock, string? name = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new { name = name ?? $"rush-{Guid.NewGuid():N}", stock }),
        };
        request.Headers.Add("X-Admin-Key", TicketRushApp.AdminKey);
        using var response = await server.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    public static async Task<TicketDto> GetTicketAsync(this HttpClient server, long ticketId) =>
        (await server.GetFromJsonAsync<TicketDto>($"/api/tickets/{ticketId}"))!;

    public static async Task<List<OrderDto>> GetAllOrdersAsync(this HttpClient server, long ticketId)
    {
        var orders = new List<OrderDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await server.GetFromJsonAsync<OrderPageDto>($"/api/tickets/{ticketId}/orders?page={page}&pageSize=500"))!;
            orders.AddRange(batch.Items);
            if (orders.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                return orders;
            }
        }
    }

    public static Task<HttpResponseMessage> PurchaseAsync(this HttpClient server, long ticketId, long userId, string? strategy = null) =>
        server.PostAsJsonAsync(StrategyQuery($"/api/tickets/{ticketId}/orders", strategy), new { userId });

    public static string StrategyQuery(string path, string? strategy) =>
        strategy is null ? path : $"{path}?strategy={Uri.EscapeDataString(strategy)}";

    public static async Task<ProblemDto> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDto>())!;
    }
}
