namespace TicketRush.Api.Replication;

internal static class ReplicationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReplicationMonitor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReplicationMonitor>();
        return builder;
    }
}
