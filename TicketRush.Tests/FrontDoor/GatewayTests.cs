using System.Net;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.FrontDoor;

/// <summary>The gateway: one address over both servers, round-robin, passing the servers' answers through untouched.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class GatewayTests(TicketRushApp app)
{
    [Fact]
    public async Task Requests_through_the_gateway_are_shared_by_both_servers()
    {
        var servedBy = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await app.Gateway.GetAsync(ApiRoutes.Strategies);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            servedBy.Add(Assert.Single(response.Headers.GetValues(ApiHeaders.ServedBy)));
        }

        Assert.Equal(TicketRushApp.ServerNames.Order(), servedBy.Distinct().Order());
    }

    [Fact]
    public async Task A_purchase_through_the_gateway_sells_and_its_problems_pass_through()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.Atomic);

        using var bought = await app.Gateway.PurchaseAsync(ticket.Id, 1);
        using var soldOut = await app.Gateway.PurchaseAsync(ticket.Id, 2);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, soldOut.StatusCode);
        Assert.Equal(ProblemCodes.SoldOut, (await soldOut.ReadProblemAsync()).Code);

        // The gateway adds nothing: the same headers as from a server directly.
        using var direct = await app.Servers[0].PurchaseAsync(ticket.Id, 3);
        Assert.Equal(HeaderNames(direct), HeaderNames(soldOut));
    }

    private static IEnumerable<string> HeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase);
}
