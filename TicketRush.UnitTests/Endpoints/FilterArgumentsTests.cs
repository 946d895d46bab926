using Microsoft.AspNetCore.Http;
using TicketRush.Api.Endpoints;
using TicketRush.Api.Orders;

namespace TicketRush.UnitTests.Endpoints;

/// <summary>Filters find a request's parts by type and name, whatever the order of the handler's parameters.</summary>
public sealed class FilterArgumentsTests
{
    private static DefaultEndpointFilterInvocationContext Context(string query, object? routeId, params object?[] arguments)
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(query);
        if (routeId is not null)
        {
            http.Request.RouteValues["id"] = routeId;
        }

        return new DefaultEndpointFilterInvocationContext(http, arguments);
    }

    [Fact]
    public void The_body_is_found_by_its_type_in_any_position()
    {
        var request = new PurchaseRequest(42);

        Assert.Same(request, Context("", null, StrategyNames.Atomic, 7L, request).Body<PurchaseRequest>());
        Assert.Same(request, Context("", null, request, 7L).Body<PurchaseRequest>());
        Assert.Null(Context("", null, 7L, null).Body<PurchaseRequest>());
    }

    [Theory]
    [InlineData("10", 10L)]
    [InlineData(10L, 10L)]
    [InlineData("x", null)]
    [InlineData(null, null)]
    public void A_route_number_is_read_by_name(object? value, long? expected)
    {
        Assert.Equal(expected, Context("", value).RouteNumber("id"));
    }

    [Fact]
    public void A_query_value_is_read_by_name()
    {
        Assert.Equal("Atomic ", Context("?strategy=Atomic%20", 1L).Query("strategy"));
        Assert.Null(Context("", 1L).Query("strategy"));
    }
}
