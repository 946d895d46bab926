using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Catalog;
using TicketRush.Api.Endpoints;
using TicketRush.Api.Problems;
using TicketRush.Api.RateLimiting;

namespace TicketRush.Api.WaitingRoom;

internal static class WaitingRoomApi
{
    public static IEndpointRouteBuilder MapWaitingRoomApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.QueueTemplate).WithTags("Waiting room");
        api.MapPost("/", JoinQueue)
            .WithBuyerRateLimit(context => context.Body<JoinQueueRequest>()?.UserId is long buyer and >= 1 ? buyer : null)
            .WithName(nameof(JoinQueue))
            .WithSummary("Join a waiting-room ticket's line; joining again keeps the same position");
        api.MapGet(ApiRoutes.QueueStatusTemplate, QueueStatus)
            .WithName(nameof(QueueStatus))
            .WithSummary("A buyer's place in line, and once admitted the Admission-Token to buy with");

        app.MapGet(ApiRoutes.WaitingPageTemplate, (long id, IWebHostEnvironment environment) =>
                TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "wait.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Accepted<QueueStatusResponse>, ProblemHttpResult>> JoinQueue(
        long id, JoinQueueRequest request, SaleCatalog sales, WaitingLine line, AdmissionToken tokens, TimeProvider time)
    {
        var (rules, problem) = await WaitingRoomOfAsync(id, sales);
        if (rules is null)
        {
            return problem!;
        }

        var userId = request.UserId!.Value;
        await line.JoinAsync(id, userId);
        var state = await line.StatusAsync(id, userId);
        return TypedResults.Accepted(ApiRoutes.QueueStatus(id, userId), Describe(id, userId, state!, rules, tokens, time));
    }

    public static async Task<Results<Ok<QueueStatusResponse>, ProblemHttpResult>> QueueStatus(
        long id, long userId, SaleCatalog sales, WaitingLine line, AdmissionToken tokens, TimeProvider time)
    {
        var (rules, problem) = await WaitingRoomOfAsync(id, sales);
        if (rules is null)
        {
            return problem!;
        }

        return await line.StatusAsync(id, userId) is { } state
            ? TypedResults.Ok(Describe(id, userId, state, rules, tokens, time))
            : Problem.NotInQueue(id, userId);
    }

    /// <summary>The ticket's waiting room, or the problem to answer: no such ticket, or a ticket sold without one.</summary>
    private static async Task<(AdmissionRules? Rules, ProblemHttpResult? Problem)> WaitingRoomOfAsync(long ticketId, SaleCatalog sales) =>
        await sales.FindAsync(ticketId, CancellationToken.None) switch
        {
            null => (null, Problem.TicketNotFound(ticketId)),
            { Admission: null } => (null, Problem.NoWaitingRoom(ticketId)),
            { Admission: { } rules } => (rules, null),
        };

    private static QueueStatusResponse Describe(long ticketId, long userId, QueueState state, AdmissionRules rules, AdmissionToken tokens, TimeProvider time)
    {
        var wait = (int)Math.Ceiling((double)state.Ahead / rules.AdmitPerSecond);
        if (state.AdmittedUntil is not { } until)
        {
            return new QueueStatusResponse(state.Position, state.Ahead, wait, state.Status);
        }

        // The admitting server marks a lapsed admission on its next tick; until then it is already over.
        return until <= time.GetUtcNow()
            ? new QueueStatusResponse(state.Position, 0, 0, QueueStatuses.Expired)
            : new QueueStatusResponse(state.Position, 0, 0, QueueStatuses.Admitted, tokens.Issue(ticketId, userId, until), until);
    }
}
