using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using RedLockNet.SERedis.Configuration;
using StackExchange.Redis;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.Api.Purchasing.Sales;
using TicketRush.Api.Purchasing.Strategies;
using TicketRush.Api.Servers.Health;

namespace TicketRush.Api.Purchasing;

internal static class PurchasingServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPurchasing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PurchaseOptions>()
            .BindConfiguration(PurchaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RaceWindow >= TimeSpan.Zero, "Purchase:RaceWindow must not be negative.")
            .Validate(o => o.Deadline > TimeSpan.Zero && o.VerifyTimeout > TimeSpan.Zero, "Purchase:Deadline and Purchase:VerifyTimeout must be positive.")
            .Validate(o => o.FailureLogInterval >= TimeSpan.Zero, "Purchase:FailureLogInterval must not be negative.")
            .ValidateOnStart();
        services.AddOptions<InProcessLockOptions>().BindConfiguration(InProcessLockOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OptimisticOptions>()
            .BindConfiguration(OptimisticOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseBackoff > TimeSpan.Zero && o.MaxBackoff >= o.BaseBackoff, "Strategies:Optimistic needs 0 < BaseBackoff <= MaxBackoff.")
            .Validate(o => o.Deadline > TimeSpan.Zero, "Strategies:Optimistic:Deadline must be positive.")
            .ValidateOnStart();
        services.AddOptions<RedLockOptions>()
            .BindConfiguration(RedLockOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Expiry > TimeSpan.Zero && o.Retry > TimeSpan.Zero, "Strategies:RedLock needs a positive Expiry and Retry.")
            .ValidateOnStart();
        services.AddOptions<BatchedOptions>()
            .BindConfiguration(BatchedOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IOptions<PurchaseOptions>>(
                (o, purchase) => o.Linger >= TimeSpan.Zero && o.Linger < purchase.Value.Deadline,
                "Strategies:Batched:Linger must be at least zero and shorter than Purchase:Deadline, or a lone buyer could never be sent.")
            .ValidateOnStart();
        services.AddOptions<RedisCounterOptions>()
            .BindConfiguration(RedisCounterOptions.SectionName)
            .Validate<IOptions<PurchaseOptions>>(
                (o, purchase) => o.Lease > purchase.Value.Deadline + purchase.Value.VerifyTimeout,
                "Strategies:RedisCounter:Lease must outlast a purchase (Purchase:Deadline + Purchase:VerifyTimeout), or a live purchase's reservation could be given back.")
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero && o.SettleTimeout > TimeSpan.Zero && o.SeedLock > TimeSpan.Zero, "Strategies:RedisCounter needs a positive ReconcileInterval, SettleTimeout and SeedLock.")
            .ValidateOnStart();

        builder.AddRedis();
        builder.AddRedLockFactory();
        services.AddSingleton<RedLockNotices>();
        services.AddSingleton<RedisStockCounter>();
        services.AddHostedService<ReservationLeaseReconciler>();

        services.AddSingleton<PurchaseTelemetry>();
        services.AddSingleton<PurchaseHooks>();
        services.AddSingleton<CommitVerifier>();
        services.AddSingleton<SaleTransactionFactory>();
        services.AddSingleton<TicketTransactionGate>();
        services.AddSingleton<PurchaseService>();
        services.AddSingleton<PurchaseStrategyCatalog>();
        services.AddHostedService<DefaultStrategyCheck>();
        foreach (var strategy in PurchaseStrategies.Types)
        {
            services.AddSingleton(typeof(IPurchaseStrategy), strategy);
        }

        return builder;
    }

    /// <summary>
    /// The lock factory over the lock servers (<see cref="RedLockOptions.Servers"/>), one client each; RedLock.net grants a
    /// lock held by a majority of them within its validity time. With none configured the lock is on the main Redis.
    /// </summary>
    private static void AddRedLockFactory(this IHostApplicationBuilder builder)
    {
        // Read here because the clients are registered before the container is built; validated on start with the rest.
        var servers = builder.Configuration.GetSection(RedLockOptions.SectionName).Get<RedLockOptions>()?.Servers ?? [];
        var timeouts = builder.Configuration.GetSection(RedisTimeouts.SectionName).Get<RedisTimeouts>() ?? new RedisTimeouts();
        foreach (var server in servers)
        {
            builder.AddKeyedRedisClient(server,
                settings => settings.DisableHealthChecks = true,
                redis =>
                {
                    ConfigureTimeouts(redis, timeouts);
                    // A lock server that is down answers "no" at once: RedLock.net waits for every server's answer, and a
                    // command queued for a reconnect would hold each lock attempt for the whole command timeout.
                    redis.BacklogPolicy = BacklogPolicy.FailFast;
                });
        }

        // One try per CreateLockAsync: RedLock.net otherwise retries a refused lock itself, up to 3 times with random
        // pauses of up to 400 ms, a wait the strategy can neither see nor cut short when the lock is released.
        builder.Services.AddSingleton<IDistributedLockFactory>(provider => RedLockFactory.Create(
            servers.Count == 0
                ? [new RedLockMultiplexer(provider.GetRequiredService<IConnectionMultiplexer>())]
                : [.. servers.Select(server => new RedLockMultiplexer(provider.GetRequiredKeyedService<IConnectionMultiplexer>(server)))],
            new RedLockRetryConfiguration(retryCount: 1, retryDelayMs: 10),
            provider.GetRequiredService<ILoggerFactory>()));
    }

    private static void ConfigureTimeouts(ConfigurationOptions redis, RedisTimeouts timeouts)
    {
        redis.AbortOnConnectFail = false;
        redis.ConnectTimeout = (int)timeouts.Connect.TotalMilliseconds;
        redis.AsyncTimeout = (int)timeouts.Command.TotalMilliseconds;
        redis.SyncTimeout = (int)timeouts.Command.TotalMilliseconds;
    }

    /// <summary>
    /// The Redis client with timeouts that fit inside a purchase deadline, and a probed health check that answers at
    /// once whatever Redis does (Aspire's own would wait as long as Redis stalls).
    /// </summary>
    private static void AddRedis(this IHostApplicationBuilder builder)
    {
        // Read here because the client is configured before the container is built; validated on start like every option.
        builder.Services.AddOptions<RedisTimeouts>().BindConfiguration(RedisTimeouts.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var timeouts = builder.Configuration.GetSection(RedisTimeouts.SectionName).Get<RedisTimeouts>() ?? new RedisTimeouts();
        builder.AddRedisClient("redis",
            settings => settings.DisableHealthChecks = true,
            redis => ConfigureTimeouts(redis, timeouts));
        builder.Services.AddProbedDependency<RedisPing>(RedisPing.CheckName);
    }
}
