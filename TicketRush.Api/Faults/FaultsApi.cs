using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketRush.Api.Admin;

namespace TicketRush.Api.Faults;

/// <summary>Admin endpoints to arm faults on this server; mapped only when enabled, and never in Production.</summary>
internal static class FaultsApi
{
    /// <summary>Whether fault endpoints exist: <c>Faults:Enabled</c>, outside Production whatever the configuration says.</summary>
    public static bool AreMapped(FaultInjectionOptions options, IHostEnvironment environment) =>
        options.Enabled && !environment.IsProduction();

    public static IEndpointRouteBuilder MapFaultsApi(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        if (!AreMapped(services.GetRequiredService<IOptions<FaultInjectionOptions>>().Value, services.GetRequiredService<IHostEnvironment>()))
        {
            return app;
        }

        var api = app.MapGroup(ApiRoutes.AdminFaults).WithTags("Faults").AddEndpointFilter<AdminKeyFilter>();
        api.MapPut("/order-write/{userId:long}", FailNextOrderWrite)
            .WithName(nameof(FailNextOrderWrite))
            .WithSummary("Make this server's next order write for the user fail, as if MySQL failed it");
        api.MapPut("/crash/{userId:long}", CrashBeforeNextWrite)
            .WithName(nameof(CrashBeforeNextWrite))
            .WithSummary("Make this server die (FailFast) when the user's next purchase is about to write: after its reservation, holding its locks");
        api.MapPut("/stall/{userId:long}", StallNextPurchase)
            .WithName(nameof(StallNextPurchase))
            .WithSummary("Make this server's next purchase by the user pause just before it writes");
        api.MapPut("/race-window", SetRaceWindow)
            .WithName(nameof(SetRaceWindow))
            .WithSummary("Widen the read-write window of every purchase on this server, so a race shows on any machine");
        api.MapGet("/stall/{userId:long}", GetStall)
            .WithName(nameof(GetStall))
            .WithSummary("Whether the user's purchase on this server is stalled right now");
        api.MapDelete("/", ClearFaults)
            .WithName(nameof(ClearFaults))
            .WithSummary("Disarm every fault on this server");
        return app;
    }

    public static NoContent FailNextOrderWrite(long userId, FaultInjector faults)
    {
        faults.FailNextOrderWrite(userId);
        return TypedResults.NoContent();
    }

    public static NoContent CrashBeforeNextWrite(long userId, FaultInjector faults)
    {
        faults.CrashBeforeNextWrite(userId);
        return TypedResults.NoContent();
    }

    public static Results<NoContent, ProblemHttpResult> StallNextPurchase(long userId, int milliseconds, FaultInjector faults)
    {
        if (milliseconds is < 1 or > 600_000)
        {
            return Problems.Problem.Invalid("milliseconds", "milliseconds is from 1 to 600000.");
        }

        faults.StallNextPurchase(userId, TimeSpan.FromMilliseconds(milliseconds));
        return TypedResults.NoContent();
    }

    public static Results<NoContent, ProblemHttpResult> SetRaceWindow(int milliseconds, FaultInjector faults)
    {
        if (milliseconds is < 0 or > 10_000)
        {
            return Problems.Problem.Invalid("milliseconds", "milliseconds is from 0 to 10000.");
        }

        faults.SetRaceWindow(TimeSpan.FromMilliseconds(milliseconds));
        return TypedResults.NoContent();
    }

    public static Ok<StallState> GetStall(long userId, FaultInjector faults) =>
        TypedResults.Ok(new StallState(userId, faults.IsStalling(userId)));

    public static NoContent ClearFaults(FaultInjector faults)
    {
        faults.Clear();
        return TypedResults.NoContent();
    }
}
