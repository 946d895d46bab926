namespace TicketRush.Api.Faults;

internal static class FaultsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddFaultInjection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FaultInjectionOptions>().BindConfiguration(FaultInjectionOptions.SectionName);
        builder.Services.AddSingleton<FaultInjector>();
        return builder;
    }
}
