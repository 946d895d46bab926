using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Admin;
using Microsoft.Extensions.Options;
using TicketRush.Api.Data;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Tickets;

public static class TicketsApi
{
    public const int MaxNameLength = 200;
    public const int MaxStock = 1_000_000;
    public const int MaxAdmitPerSecond = 10_000;
    public const int MaxAdmissionSeconds = 3_600;
    public const int DefaultAdmissionSeconds = 30;

    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Tickets).WithTags("Tickets");

        api.MapPost("/", CreateTicket)
            .AddEndpointFilter<AdminKeyFilter>()
            .WithName(nameof(CreateTicket))
            .WithSummary("Put a ticket on sale with its concurrency strategy (admin)");
        api.MapGet("/", ListTickets)
            .WithName(nameof(ListTickets))
            .WithSummary("List tickets with stock and order counts");
        api.MapGet(ApiRoutes.TicketTemplate, GetTicket)
            .WithName(nameof(GetTicket))
            .WithSummary("One ticket: remaining stock beside the number of orders");

        return api;
    }

    public static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> CreateTicket(
        CreateTicketRequest request,
        TicketService tickets,
        PurchaseStrategyCatalog strategies,
        IOptions<PurchaseOptions> purchase,
        PrimaryDatabases databases)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Problem.Invalid("name", $"name is required, 1 to {MaxNameLength} characters.");
        }

        if (request.Stock is not (>= 1 and <= MaxStock))
        {
            return Problem.Invalid("stock", $"stock is required, an integer from 1 to {MaxStock}.");
        }

        var strategyName = string.IsNullOrWhiteSpace(request.Strategy) ? purchase.Value.DefaultStrategy : request.Strategy;
        if (!strategies.TryGet(strategyName, out var strategy))
        {
            return Problem.UnknownStrategy(strategyName, strategies.Descriptors.Select(d => d.Name));
        }

        WaitingRoomResponse? waitingRoom = null;
        if (request.WaitingRoom is { } room)
        {
            if (room.AdmitPerSecond is not (>= 1 and <= MaxAdmitPerSecond))
            {
                return Problem.Invalid("waitingRoom.admitPerSecond", $"waitingRoom.admitPerSecond is required, an integer from 1 to {MaxAdmitPerSecond}.");
            }

            if (room.AdmissionSeconds is not (null or (>= 1 and <= MaxAdmissionSeconds)))
            {
                return Problem.Invalid("waitingRoom.admissionSeconds", $"waitingRoom.admissionSeconds is an integer from 1 to {MaxAdmissionSeconds}.");
            }

            if (room.Overbooking is not (null or (>= 0 and <= MaxStock)))
            {
                return Problem.Invalid("waitingRoom.overbooking", $"waitingRoom.overbooking is an integer from 0 to {MaxStock}.");
            }

            waitingRoom = new WaitingRoomResponse(room.AdmitPerSecond.Value, room.AdmissionSeconds ?? DefaultAdmissionSeconds, room.Overbooking ?? 0);
        }

        // Home: the creating server's own primary, which also holds the row first.
        string? home;
        switch (request.Writes ?? (databases.AreSeveral ? TicketWrites.Home : TicketWrites.Local))
        {
            case TicketWrites.Home:
                home = databases.LocalName;
                break;
            case TicketWrites.Local:
                home = null;
                break;
            default:
                return Problem.Invalid("writes", $"writes is '{TicketWrites.Home}' or '{TicketWrites.Local}'.");
        }

        var ticket = await tickets.CreateAsync(name, request.Stock.Value, strategy, waitingRoom, home);
        return TypedResults.Created(ApiRoutes.Ticket(ticket.Id), ticket);
    }

    public static async Task<Ok<List<TicketResponse>>> ListTickets(TicketService tickets) =>
        TypedResults.Ok(await tickets.ListAsync());

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetTicket(
        long id, TicketService tickets) =>
        await tickets.FindAsync(id) is { } ticket
            ? TypedResults.Ok(ticket)
            : Problem.TicketNotFound(id);
}
