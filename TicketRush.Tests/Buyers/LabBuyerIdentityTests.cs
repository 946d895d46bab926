using System.Net;
using System.Net.Http.Json;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Buyers;

/// <summary>
/// <c>Buyers:Authentication=lab</c> (the Development default the suite runs with): a token's subject wins whenever one
/// is sent, and a body <c>userId</c> alone still buys, as the study's JMeter plan does.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class LabBuyerIdentityTests(TicketRushApp app)
{
    private static long _nextUser = 82_000_000;

    private static long NextUser() => Interlocked.Increment(ref _nextUser);

    [Fact]
    public async Task With_a_token_the_subject_buys_whatever_the_body_says()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var (subject, named) = (NextUser(), NextUser());

        using var response = await app.Servers[1].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = named }, app.Buyers.For(subject)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(subject, (await response.Content.ReadFromJsonAsync<OrderResponse>())!.UserId);
        Assert.Equal([subject], (await app.Servers[0].GetAllOrdersAsync(ticket.Id)).Select(o => o.UserId));
    }

    [Fact]
    public async Task Without_a_token_the_body_userId_still_buys()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var user = NextUser();

        using var response = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = user }, token: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(user, (await response.Content.ReadFromJsonAsync<OrderResponse>())!.UserId);
    }

    [Fact]
    public async Task A_token_that_is_sent_but_not_valid_is_401_even_in_the_lab()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var user = NextUser();
        var forged = new BuyerTokens("someone-elses-key-0123456789-0123456789-0123456789").For(user);

        using var response = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = user }, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid-buyer-token", (await response.ReadProblemAsync()).Code);
        Assert.Equal(5, (await app.Servers[1].GetTicketAsync(ticket.Id)).RemainingStock);
    }

    [Fact]
    public async Task Per_buyer_limits_bind_to_the_token_subject_not_to_the_userIds_the_body_names()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100, "atomic");
        var token = app.Buyers.For(NextUser());
        var address = KeyedPurchase.NewClientAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TicketRushApp.PerBuyerLimit + 2; i++)
        {
            // A fresh userId each time: were limits bound to it, every attempt would buy.
            using var response = await app.Servers[i % 2].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = NextUser() }, token, address));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.Conflict, TicketRushApp.PerBuyerLimit - 1), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)],
            statuses);
        Assert.Single(await app.Servers[0].GetAllOrdersAsync(ticket.Id));
    }

    [Fact]
    public async Task The_development_token_endpoint_mints_a_token_that_buys_as_its_buyer()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var user = NextUser();

        var issued = await app.Servers[1].IssueDevTokenAsync(user);
        using var response = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { }, issued.Token));

        Assert.True(issued.ExpiresAt > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(user, (await response.Content.ReadFromJsonAsync<OrderResponse>())!.UserId);
    }
}
