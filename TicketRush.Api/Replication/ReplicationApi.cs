using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Admin;

namespace TicketRush.Api.Replication;

internal static class ReplicationApi
{
    public static RouteGroupBuilder MapReplicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.AdminReplication).WithTags("Replication").AddEndpointFilter<AdminKeyFilter>();
        api.MapGet("/", GetReplication)
            .WithName(nameof(GetReplication))
            .WithSummary("Each primary's incoming replication (running or not, lag, deliberate delay, last error), or each Galera node's cluster state and certification failures (admin)");
        return api;
    }

    public static async Task<Ok<ReplicationResponse>> GetReplication(ReplicationMonitor monitor) =>
        TypedResults.Ok(await monitor.ReadAsync());
}
