using TicketRush.Api.Purchasing.Strategies;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing;

public static class PurchasingServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPurchasing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PurchaseOptions>()
            .BindConfiguration(PurchaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RaceWindow >= TimeSpan.Zero, "Purchase:RaceWindow must not be negative.")
            .ValidateOnStart();

        builder.Services.AddSingleton<PurchaseTelemetry>();
        builder.Services.AddSingleton<RaceWindow>();
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddSingleton<PurchaseService>();
        builder.Services.AddSingleton<PurchaseStrategyCatalog>();

        // One line per strategy: adding a strategy is one file plus one line here.
        builder.Services.AddSingleton<IPurchaseStrategy, NoControlPurchase>();

        return builder;
    }
}
