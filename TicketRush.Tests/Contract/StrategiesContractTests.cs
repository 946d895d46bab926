using System.Net;
using System.Net.Http.Json;
using TicketRush.Api.Purchasing;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

[Collection(TicketRushCollection.Name)]
public sealed class StrategiesContractTests(TicketRushApp app)
{
    [Fact]
    public async Task Both_servers_list_every_registered_strategy_as_its_descriptor_says_and_say_who_served()
    {
        for (var i = 0; i < app.Servers.Count; i++)
        {
            using var response = await app.Servers[i].GetAsync(ApiRoutes.Strategies);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TicketRushApp.ServerNames[i], Assert.Single(response.Headers.GetValues(ApiHeaders.ServedBy)));
            var strategies = await response.Content.ReadFromJsonAsync<List<StrategyDescriptor>>();
            Assert.Equal(PurchaseStrategies.Descriptors, strategies!);
        }
    }
}
