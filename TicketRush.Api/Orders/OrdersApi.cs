using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Buyers;
using TicketRush.Api.Endpoints;
using TicketRush.Api.Idempotency;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;
using TicketRush.Api.RateLimiting;
using TicketRush.Api.WaitingRoom;

namespace TicketRush.Api.Orders;

internal static class OrdersApi
{
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.OrdersTemplate).WithTags("Orders");

        api.MapPost("/", Purchase)
            // First: every filter after it, and the handler, read the authenticated buyer.
            .RequireBuyer()
            .WithBuyerRateLimit(context => BuyerOf(context))
            // Outermost first: a replayed decision needs no admission (the buyer's token may have expired since).
            .WithIdempotency(context => (BuyerOf(context), context.RouteNumber("id")) is ({ } buyer, { } ticket)
                ? ($"ticket:{ticket}:buyer:{buyer}", $"strategy={RequestedStrategy(context.Query("strategy"))}")
                : null)
            .RequireAdmission(context => (context.RouteNumber("id"), BuyerOf(context)) is ({ } ticket, { } buyer) ? (ticket, buyer) : null)
            .WithName(nameof(Purchase))
            .WithSummary("Buy one ticket with the ticket's own strategy; ?strategy= may only name that strategy");
        api.MapGet("/", ListOrders)
            .WithName(nameof(ListOrders))
            .WithSummary("A ticket's orders, oldest first, by keyset: ?after=<order id>, each page linking the next");
        api.MapGet(ApiRoutes.OrderTemplate, GetOrder)
            .WithName(nameof(GetOrder))
            .WithSummary("One order of a ticket: where a purchase's Location points");

        return api;
    }

    // No CancellationToken: a started purchase runs to its end within its deadline, whether or not the buyer waits.
    public static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Purchase(
        long id, PurchaseRequest request, string? strategy, PurchaseService purchases, PurchaseStrategyCatalog strategies)
    {
        var command = new PurchaseCommand(id, request.UserId!.Value);
        var outcome = await purchases.PurchaseAsync(command, RequestedStrategy(strategy));
        if (outcome.Status != PurchaseStatus.Sold)
        {
            return OrderProblems.For(outcome, command, strategies.Descriptors.Select(d => d.Name));
        }

        var order = outcome.Order!.ToResponse();
        return TypedResults.Created(ApiRoutes.Order(id, order.Id), order);
    }

    /// <summary>The <c>?strategy=</c> as both the purchase and its idempotency fingerprint read it: trimmed, lower case, null when blank.</summary>
    private static string? RequestedStrategy(string? strategy) =>
        string.IsNullOrWhiteSpace(strategy) ? null : strategy.Trim().ToLowerInvariant();

    /// <summary>The buyer of a purchase, for its limits and its Idempotency-Key; null when invalid (the endpoint answers 400).</summary>
    private static long? BuyerOf(EndpointFilterInvocationContext context) =>
        context.Body<PurchaseRequest>()?.UserId is long buyer and >= 1 ? buyer : null;

    /// <param name="userId">Only that buyer's order: a finished sale answers a repeat buyer <c>sold-out</c>, and this is how it finds its ticket.</param>
    /// <param name="page">Gone: an offset page scanned every order before it. Refused, so an old client cannot loop on page one.</param>
    public static async Task<Results<Ok<OrderPage>, ProblemHttpResult>> ListOrders(
        long id,
        OrderQueries orders,
        [Range(0, long.MaxValue, ErrorMessage = ValidationMessages.OrderId)] long after = 0,
        [Range(1, TicketLimits.MaxPageSize, ErrorMessage = ValidationMessages.IntegerRange)] int pageSize = DefaultPageSize,
        long? userId = null,
        int? page = null)
    {
        if (page is not null)
        {
            return Problem.Invalid("page", "orders are paged by ?after=<last order id>: follow each page's next link.");
        }

        if (await orders.ListAsync(id, after, pageSize, userId) is not { } found)
        {
            return Problem.TicketNotFound(id);
        }

        var next = found.More ? ApiRoutes.OrdersAfter(id, found.Items[^1].Id, pageSize, userId) : null;
        return TypedResults.Ok(new OrderPage(found.Items, pageSize, next));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(long id, long orderId, OrderQueries orders) =>
        await orders.FindAsync(id, orderId) is { } order
            ? TypedResults.Ok(order)
            : Problem.OrderNotFound(id, orderId);
}
