using System.Net;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

[Collection(TicketRushCollection.Name)]
public sealed class ApiDocumentationTests(TicketRushApp app)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_purchase_endpoint()
    {
        var document = await app.Servers[0].GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/tickets/{id}/orders", document, StringComparison.Ordinal);
        Assert.Contains("Purchase", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Scalar_reference_is_served()
    {
        using var response = await app.Servers[1].GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
