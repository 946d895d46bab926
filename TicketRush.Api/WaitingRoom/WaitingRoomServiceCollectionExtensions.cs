using TicketRush.Api.Endpoints;

namespace TicketRush.Api.WaitingRoom;

internal static class WaitingRoomServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddWaitingRoom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WaitingRoomOptions>()
            .BindConfiguration(WaitingRoomOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PumpInterval > TimeSpan.Zero && o.PumpLease > o.PumpInterval, "WaitingRoom needs 0 < PumpInterval < PumpLease.")
            .Validate(o => o.SoldOutRetention > TimeSpan.Zero, "WaitingRoom:SoldOutRetention must be positive.")
            .Validate(o => o.MinPollInterval >= TimeSpan.FromSeconds(1) && o.MaxPollInterval >= o.MinPollInterval,
                "WaitingRoom needs 1 s <= MinPollInterval <= MaxPollInterval (Retry-After counts whole seconds).")
            .ValidateOnStart();
        builder.Services.AddSingleton<AdmissionToken>();
        builder.Services.AddSingleton<WaitingLine>();
        builder.Services.AddSingleton<AdmissionLease>();
        builder.Services.AddHostedService<AdmissionPump>();
        return builder;
    }

    /// <summary>Purchases of a waiting-room ticket need an admission; <paramref name="describe"/> names the ticket and buyer.</summary>
    public static RouteHandlerBuilder RequireAdmission(
        this RouteHandlerBuilder endpoint, Func<EndpointFilterInvocationContext, (long TicketId, long Buyer)?> describe) =>
        endpoint.AddFilter<AdmissionFilter>(describe);
}
