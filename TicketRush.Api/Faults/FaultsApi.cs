using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketRush.Api.Admin;

namespace TicketRush.Api.Faults;

/// <summary>Admin endpoints to arm faults on this server; mapped only when <c>Faults:Enabled</c> is true.</summary>
public static class FaultsApi
{
    public static IEndpointRouteBuilder MapFaultsApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<FaultInjectionOptions>>().Value.Enabled)
        {
            return app;
        }

        var api = app.MapGroup("/api/admin/faults").WithTags("Faults").AddEndpointFilter<AdminKeyFilter>();
        api.MapPut("/order-write/{userId:long}", FailNextOrderWrite)
            .WithName(nameof(FailNextOrderWrite))
            .WithSummary("Make this server's next order write for the user fail, as if MySQL failed it");
        api.MapPut("/stall/{userId:long}", StallNextPurchase)
            .WithName(nameof(StallNextPurchase))
            .WithSummary("Make this server's next purchase by the user pause between reading and writing the stock");
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

    public static Results<NoContent, ProblemHttpResult> StallNextPurchase(long userId, int milliseconds, FaultInjector faults)
    {
        if (milliseconds is < 1 or > 600_000)
        {
            return Problems.Problem.Invalid("milliseconds", "milliseconds is from 1 to 600000.");
        }

        faults.StallNextPurchase(userId, TimeSpan.FromMilliseconds(milliseconds));
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
