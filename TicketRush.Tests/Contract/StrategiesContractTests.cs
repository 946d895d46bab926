using System.Net;
using System.Net.Http.Json;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

[Collection(TicketRushCollection.Name)]
public sealed class StrategiesContractTests(TicketRushApp app)
{
    [Fact]
    public async Task Both_servers_list_the_strategies_and_say_who_served()
    {
        for (var i = 0; i < app.Servers.Count; i++)
        {
            using var response = await app.Servers[i].GetAsync("/api/strategies");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TicketRushApp.ServerNames[i], Assert.Single(response.Headers.GetValues("X-Served-By")));
            var strategies = await response.Content.ReadFromJsonAsync<List<Dictionary<string, object>>>();
            Assert.Contains(strategies!, s => s["name"].ToString() == "none");
        }
    }
}
