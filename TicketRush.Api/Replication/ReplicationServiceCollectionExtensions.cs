namespace TicketRush.Api.Replication;

public static class ReplicationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReplicationMonitor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReplicationMonitor>();
        return builder;
    }
}
