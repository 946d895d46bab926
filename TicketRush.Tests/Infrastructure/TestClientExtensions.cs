using TicketRush.Rush;

namespace TicketRush.Tests.Infrastructure;

/// <summary>API calls with the test system's admin key, and assertions on problem responses.</summary>
public static class TestClientExtensions
{
    public static Task<TicketResponse> CreateTicketAsync(this HttpClient server, int stock, string strategy, string? name = null) =>
        server.CreateTicketAsync(TicketRushApp.AdminKey, stock, strategy, name);

    public static async Task<ApiProblem> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.ReadProblemOrNullAsync())!;
    }
}
