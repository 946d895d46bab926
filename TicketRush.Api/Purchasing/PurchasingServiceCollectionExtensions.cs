using RedLockNet;
using RedLockNet.SERedis;
using RedLockNet.SERedis.Configuration;
using StackExchange.Redis;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.Api.Purchasing.Strategies;
using TicketRush.Api.Tickets;
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

        builder.Services.AddOptions<InProcessLockOptions>().BindConfiguration(InProcessLockOptions.SectionName);
        builder.Services.AddOptions<OptimisticOptions>().BindConfiguration(OptimisticOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RedLockOptions>().BindConfiguration(RedLockOptions.SectionName);
        builder.Services.AddSingleton<IDistributedLockFactory>(services => RedLockFactory.Create(
            [new RedLockMultiplexer(services.GetRequiredService<IConnectionMultiplexer>())],
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<RedisStockCounter>();
        builder.Services.AddSingleton<ITicketCreatedHandler>(services => services.GetRequiredService<RedisStockCounter>());

        builder.Services.AddSingleton<PurchaseTelemetry>();
        builder.Services.AddSingleton<RaceWindow>();
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddSingleton<PurchaseService>();
        builder.Services.AddSingleton<PurchaseStrategyCatalog>();

        // One line per strategy: adding a strategy is one file plus one line here.
        builder.Services.AddSingleton<IPurchaseStrategy, NoControlPurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, MonitorLockPurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, SemaphorePurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, PessimisticLockPurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, OptimisticLockPurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, RedLockPurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, AtomicUpdatePurchase>();
        builder.Services.AddSingleton<IPurchaseStrategy, RedisCounterPurchase>();

        return builder;
    }
}
