using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Buyers;
using Microsoft.Extensions.Options;
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
            .RequireBuyer()
            .WithBuyerRateLimit(context => context.Body<JoinQueueRequest>()?.UserId is long buyer and >= 1 ? buyer : null)
            .WithName(nameof(JoinQueue))
            .WithSummary("Join a waiting-room ticket's line; joining again keeps the same position");
        api.MapGet(ApiRoutes.QueueStatusTemplate, QueueStatus)
            // The status carries the admission token: only its buyer may read it.
            .RequireOwnBuyer(context => context.RouteNumber("userId"), context => Problem.NotInQueue(context.RouteNumber("id") ?? 0, context.RouteNumber("userId") ?? 0))
            .WithName(nameof(QueueStatus))
            .WithSummary("A buyer's place in line, and once admitted the Admission-Token to buy with");

        app.MapGet(ApiRoutes.WaitingPageTemplate, (long id, IWebHostEnvironment environment) =>
                TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "wait.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Accepted<QueueStatusResponse>, ProblemHttpResult>> JoinQueue(
        long id, JoinQueueRequest request, SaleCatalog sales, WaitingLine line, AdmissionToken tokens, TimeProvider time,
        IOptions<WaitingRoomOptions> options, HttpResponse response)
    {
        var (rules, problem) = await WaitingRoomOfAsync(id, sales);
        if (rules is null)
        {
            return problem!;
        }

        var userId = request.UserId!.Value;
        await line.JoinAsync(id, userId);
        var state = await line.StatusAsync(id, userId);
        return TypedResults.Accepted(ApiRoutes.QueueStatus(id, userId), Describe(id, userId, state!, rules, tokens, time, options.Value, response));
    }

    public static async Task<Results<Ok<QueueStatusResponse>, ProblemHttpResult>> QueueStatus(
        long id, long userId, SaleCatalog sales, WaitingLine line, AdmissionToken tokens, TimeProvider time,
        IOptions<WaitingRoomOptions> options, HttpResponse response)
    {
        var (rules, problem) = await WaitingRoomOfAsync(id, sales);
        if (rules is null)
        {
            return problem!;
        }

        return await line.StatusAsync(id, userId) is { } state
            ? TypedResults.Ok(Describe(id, userId, state, rules, tokens, time, options.Value, response))
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

    /// <summary>The buyer's status, telling it when to ask again (<see cref="QueuePolling"/>) in the body and in <c>Retry-After</c>.</summary>
    private static QueueStatusResponse Describe(
        long ticketId, long userId, QueueState state, AdmissionRules rules, AdmissionToken tokens, TimeProvider time, WaitingRoomOptions options,
        HttpResponse response)
    {
        var now = time.GetUtcNow();
        // The admitting server marks a lapsed admission on its next tick; until then it is already over.
        if (state is { AdmittedUntil: { } until } && until <= now)
        {
            state = state with { Status = QueueStatuses.Expired, AdmittedUntil = null };
        }

        var retryAfter = QueuePolling.RetryAfter(state, rules.AdmitPerSecond, now, options);
        int? retrySeconds = retryAfter is { } delay ? (int)Math.Ceiling(delay.TotalSeconds) : null;
        if (retryAfter is { } after)
        {
            RetryAfter.Set(response, after);
        }

        if (state.AdmittedUntil is not { } admittedUntil)
        {
            var wait = (int)Math.Ceiling((double)state.Ahead / rules.AdmitPerSecond);
            return new QueueStatusResponse(state.Position, state.Ahead, wait, state.Status, RetryAfterSeconds: retrySeconds);
        }

        return new QueueStatusResponse(state.Position, 0, 0, QueueStatuses.Admitted, tokens.Issue(ticketId, userId, admittedUntil), admittedUntil, retrySeconds);
    }
}
