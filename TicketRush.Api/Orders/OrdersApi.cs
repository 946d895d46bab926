using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Tickets;

namespace TicketRush.Api.Orders;

public static class OrdersApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets/{id:long}/orders").WithTags("Orders");

        api.MapPost("/", Purchase)
            .WithName(nameof(Purchase))
            .WithSummary("Buy one ticket; ?strategy= picks the concurrency strategy");
        api.MapGet("/", ListOrders)
            .WithName(nameof(ListOrders))
            .WithSummary("A ticket's orders, oldest first, paged");

        return api;
    }

    public static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Purchase(
        long id,
        PurchaseRequest request,
        string? strategy,
        PurchaseStrategyCatalog strategies,
        PurchaseService purchases,
        IOptions<PurchaseOptions> options,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (request.UserId is not >= 1)
        {
            return Problem.Invalid("userId", "userId is required, an integer of at least 1.");
        }

        var strategyName = string.IsNullOrWhiteSpace(strategy) ? options.Value.DefaultStrategy : strategy;
        if (!strategies.TryGet(strategyName, out var chosen))
        {
            return Problem.UnknownStrategy(strategyName, strategies.Descriptors.Select(d => d.Name));
        }

        var userId = request.UserId.Value;
        var outcome = await purchases.PurchaseAsync(chosen, new PurchaseCommand(id, userId), cancellationToken);
        switch (outcome.Status)
        {
            case PurchaseStatus.Sold:
                var order = OrderResponse.From(outcome.Order!);
                return TypedResults.Created($"/api/tickets/{id}/orders/{order.Id}", order);
            case PurchaseStatus.SoldOut:
                return Problem.SoldOut(id);
            case PurchaseStatus.AlreadyPurchased:
                return Problem.AlreadyPurchased(id, userId);
            case PurchaseStatus.TicketNotFound:
                return Problem.TicketNotFound(id);
            default:
                RetryAfter.Set(response, options.Value.RetryAfter);
                return Problem.Unavailable(outcome.Reason ?? "unavailable");
        }
    }

    public static async Task<Results<Ok<OrderPage>, ProblemHttpResult>> ListOrders(
        long id, TicketService tickets, CancellationToken cancellationToken, int page = 1, int pageSize = DefaultPageSize)
    {
        if (page < 1)
        {
            return Problem.Invalid("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Problem.Invalid("pageSize", $"pageSize is from 1 to {MaxPageSize}.");
        }

        return await tickets.ListOrdersAsync(id, page, pageSize, cancellationToken) is { } orders
            ? TypedResults.Ok(orders)
            : Problem.TicketNotFound(id);
    }
}
