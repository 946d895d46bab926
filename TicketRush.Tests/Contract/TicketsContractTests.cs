using System.Net;
using System.Net.Http.Json;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

[Collection(TicketRushCollection.Name)]
public sealed class TicketsContractTests(TicketRushApp app)
{
    private HttpClient Server => app.Servers[0];

    [Fact]
    public async Task Creating_a_ticket_without_a_strategy_gives_it_the_safe_default_atomic()
    {
        using var request = AdminPost(new { name = "Concert", stock = 100 }, TicketRushApp.AdminKey);
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<TicketResponse>())!;
        Assert.Equal(ApiRoutes.Ticket(ticket.Id), response.Headers.Location?.OriginalString);
        Assert.Equal(new TicketResponse(ticket.Id, "Concert", 100, 100, 0, StrategyNames.Atomic), ticket);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key")]
    public async Task Creating_a_ticket_without_the_admin_key_is_401(string? key)
    {
        using var request = AdminPost(new { name = "Concert", stock = 100 }, key);
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemCodes.Unauthorized, (await response.ReadProblemAsync()).Code);
    }

    [Theory]
    [InlineData("""{"name":"","stock":10}""")]
    [InlineData("""{"stock":10}""")]
    [InlineData("""{"name":"x","stock":0}""")]
    [InlineData("""{"name":"x","stock":-5}""")]
    [InlineData("""{"name":"x"}""")]
    [InlineData("""{"name":"x","stock":"ten"}""")]
    [InlineData("not json")]
    public async Task Creating_a_ticket_with_bad_input_is_400(string body)
    {
        using var request = AdminPost(null, TicketRushApp.AdminKey);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.ReadProblemAsync()).Code);
    }

    [Theory]
    [InlineData("""{"stock":10}""", "name")]
    [InlineData("""{"name":"x","stock":0}""", "stock")]
    [InlineData("""{"name":"x","stock":5,"waitingRoom":{"admitPerSecond":0}}""", "waitingRoom.admitPerSecond")]
    [InlineData("""{"name":"x","stock":5,"waitingRoom":{"admitPerSecond":5,"admissionSeconds":99999}}""", "waitingRoom.admissionSeconds")]
    [InlineData("""{"name":"x","stock":5,"writes":"everywhere"}""", "writes")]
    public async Task Every_field_error_is_the_same_problem_naming_the_field_as_the_json_does(string body, string field)
    {
        using var request = AdminPost(null, TicketRushApp.AdminKey);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal((ProblemCodes.InvalidRequest, "Invalid request"), (problem.Code, problem.Title));
        var messages = Assert.Single(problem.Errors!, error => error.Key == field).Value;
        Assert.Contains(field.Split('.')[^1], Assert.Single(messages), StringComparison.Ordinal);
        Assert.Contains(messages[0], problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_keeps_the_strategy_it_was_created_with_on_both_servers()
    {
        var created = await Server.CreateTicketAsync(3, StrategyNames.RedLock);

        foreach (var server in app.Servers)
        {
            Assert.Equal(StrategyNames.RedLock, (await server.GetTicketAsync(created.Id)).Strategy);
        }
    }

    [Fact]
    public async Task Creating_a_ticket_with_an_unknown_strategy_is_400_unknown_strategy()
    {
        using var request = AdminPost(new { name = "Concert", stock = 10, strategy = "telepathy" }, TicketRushApp.AdminKey);
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.UnknownStrategy, (await response.ReadProblemAsync()).Code);
    }

    [Theory]
    [InlineData("PUT", ApiRoutes.AdminFaults + "/crash/1")]
    [InlineData("PUT", ApiRoutes.AdminFaults + "/race-window?milliseconds=10")]
    [InlineData("DELETE", ApiRoutes.AdminFaults)]
    public async Task Fault_endpoints_without_the_admin_key_are_401_and_arm_nothing(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(ApiHeaders.AdminKey, "wrong-key-wrong-key");
        using var response = await Server.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemCodes.Unauthorized, (await response.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task A_ticket_reads_back_from_either_server_and_is_listed()
    {
        var created = await Server.CreateTicketAsync(7, StrategyNames.Atomic, "Read back");

        foreach (var server in app.Servers)
        {
            Assert.Equal(created, await server.GetTicketAsync(created.Id));
            var all = await server.GetFromJsonAsync<List<TicketResponse>>(ApiRoutes.Tickets);
            Assert.Contains(created, all!);
        }
    }

    [Fact]
    public async Task An_unknown_ticket_is_404_ticket_not_found()
    {
        using var response = await Server.GetAsync(ApiRoutes.Ticket(987654321));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemCodes.TicketNotFound, (await response.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await Server.GetAsync(ApiRoutes.Tickets + "/not-a-number");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemCodes.NotFound, (await response.ReadProblemAsync()).Code);
    }

    private static HttpRequestMessage AdminPost(object? body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Tickets)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Add(ApiHeaders.AdminKey, key);
        }

        return request;
    }
}
