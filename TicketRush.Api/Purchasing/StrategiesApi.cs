using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketRush.Api.Purchasing;

internal static class StrategiesApi
{
    public static RouteGroupBuilder MapStrategiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Strategies).WithTags("Strategies");
        api.MapGet("/", ListStrategies)
            .WithName(nameof(ListStrategies))
            .WithSummary("Every concurrency strategy, its study level and where it is safe");
        return api;
    }

    public static Ok<StrategyDescriptor[]> ListStrategies(PurchaseStrategyCatalog strategies) =>
        TypedResults.Ok(strategies.Descriptors.ToArray());
}
