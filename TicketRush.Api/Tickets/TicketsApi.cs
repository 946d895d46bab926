using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Admin;
using Microsoft.Extensions.Options;
using TicketRush.Api.Data;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Tickets;

internal static class TicketsApi
{
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
        // The fields' own rules (CreateTicketRequest's attributes) were checked before the handler runs.
        var name = request.Name!.Trim();
        var strategyName = string.IsNullOrWhiteSpace(request.Strategy) ? purchase.Value.DefaultStrategy : request.Strategy;
        if (!strategies.TryGet(strategyName, out var strategy))
        {
            return Problem.UnknownStrategy(strategyName, strategies.Descriptors.Select(d => d.Name));
        }

        WaitingRoomResponse? waitingRoom = null;
        if (request.WaitingRoom is { } room)
        {
            waitingRoom = new WaitingRoomResponse(room.AdmitPerSecond!.Value, room.AdmissionSeconds ?? TicketLimits.DefaultAdmissionSeconds, room.Overbooking ?? 0);
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
                throw new UnreachableException("writes is checked by CreateTicketRequest's attributes.");
        }

        var ticket = await tickets.CreateAsync(name, request.Stock!.Value, strategy, waitingRoom, home);
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
