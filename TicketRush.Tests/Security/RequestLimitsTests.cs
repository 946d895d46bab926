using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Security;

/// <summary>
/// What a hostile or careless client can send is bounded at the gateway and at each server: bodies of a few KB, headers
/// of a few more, only our own host names (no DNS rebinding onto the development admin key), and input the API cannot
/// read is answered with the field and what it allows.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class RequestLimitsTests(TicketRushApp app)
{
    private static long _nextUser = 72_000_000;

    public static TheoryData<string> FrontDoors => new() { "server", "gateway" };

    [Theory]
    [MemberData(nameof(FrontDoors))]
    public async Task A_body_over_the_limit_is_413_and_buys_nothing(string frontDoor)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var padding = new string('x', 64 * 1024);
        using var content = new StringContent($$"""{"userId":{{Interlocked.Increment(ref _nextUser)}},"padding":"{{padding}}"}""", Encoding.UTF8, "application/json");

        using var response = await Client(frontDoor).PostAsync(ApiRoutes.Orders(ticket.Id), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemCodes.RequestTooLarge, (await response.ReadProblemAsync()).Code);
        Assert.Equal(0, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Theory]
    [MemberData(nameof(FrontDoors))]
    public async Task Headers_over_the_limit_are_431(string frontDoor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Strategies);
        request.Headers.Add("X-Padding", new string('x', 20 * 1024));

        using var response = await Client(frontDoor).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(FrontDoors))]
    public async Task A_foreign_host_name_is_refused_so_DNS_rebinding_reaches_nothing(string frontDoor)
    {
        using var foreign = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Strategies);
        foreign.Headers.Host = "rebound.example";
        using var loopback = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Strategies);
        loopback.Headers.Host = "127.0.0.1";

        using var refused = await Client(frontDoor).SendAsync(foreign);
        using var served = await Client(frontDoor).SendAsync(loopback);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_buyer_id_of_the_wrong_type_names_the_field_and_what_it_allows()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        using var content = new StringContent("""{"userId":"abc"}""", Encoding.UTF8, "application/json");

        using var response = await app.Servers[0].PostAsync(ApiRoutes.Orders(ticket.Id), content);

        var message = await FieldErrorAsync(response, "userId");
        Assert.Contains("whole number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stock_out_of_range_names_the_field_and_its_range()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Tickets)
        {
            Content = new StringContent("""{"name":"huge","stock":99999999999,"strategy":"atomic"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiHeaders.AdminKey, TicketRushApp.AdminKey);

        using var response = await app.Servers[1].SendAsync(request);

        var message = await FieldErrorAsync(response, "stock");
        Assert.Contains(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategy_named_with_spaces_and_capitals_is_the_same_strategy_for_the_purchase_and_its_key()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var buyer = Interlocked.Increment(ref _nextUser);
        var key = KeyedPurchase.NewKey();

        using var bought = await PurchaseWithStrategyAsync(ticket.Id, buyer, key, "%20Atomic%20");
        using var retried = await PurchaseWithStrategyAsync(ticket.Id, buyer, key, StrategyNames.Atomic);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(retried.IsReplay());
    }

    private HttpClient Client(string frontDoor) => frontDoor == "gateway" ? app.Gateway : app.Servers[0];

    private async Task<HttpResponseMessage> PurchaseWithStrategyAsync(long ticketId, long buyer, string key, string strategy)
    {
        using var request = TicketRushClient.PurchaseRequest(ticketId, buyer, idempotencyKey: key);
        request.RequestUri = new Uri($"{ApiRoutes.Orders(ticketId)}?strategy={strategy}", UriKind.Relative);
        return await app.Servers[0].SendAsync(request);
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.InvalidRequest, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        return messages[0].GetString()!;
    }
}
