using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketRush.Api.Catalog;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.Api.Purchasing.Strategies;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>
/// The purchasing options as the API registers them (<c>AddPurchasing</c>), validated from configuration. The host is
/// built but never started, and only options are resolved: the Redis client it registers is created lazily, so no
/// server is contacted.
/// </summary>
public sealed class PurchasingOptionsValidationTests
{
    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddPurchasing();
        return builder.Build();
    }

    private static T Resolve<T>(Dictionary<string, string?> configuration) where T : class
    {
        using var host = Build(configuration);
        return host.Services.GetRequiredService<IOptions<T>>().Value;
    }

    [Fact]
    public void Defaults_are_valid()
    {
        using var host = Build([]);

        Assert.NotNull(host.Services.GetRequiredService<IOptions<PurchaseOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<OptimisticOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<InProcessLockOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<RedLockOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<RedisCounterOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<BatchedOptions>>().Value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10001")]
    public void Transactions_in_flight_per_ticket_out_of_range_is_rejected(string bound)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<PurchaseOptions>(new()
        {
            ["Purchase:TransactionsInFlightPerTicket"] = bound,
        }));

        Assert.Contains(failure.Failures, message => message.Contains("TransactionsInFlightPerTicket", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:00:06")]
    [InlineData("00:00:01")]
    public void RedisCounter_lease_that_does_not_outlast_deadline_plus_verify_timeout_is_rejected(string lease)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<RedisCounterOptions>(new()
        {
            ["Purchase:Deadline"] = "00:00:05",
            ["Purchase:VerifyTimeout"] = "00:00:02",
            ["Strategies:RedisCounter:Lease"] = lease,
        }));

        Assert.Contains(failure.Failures, message => message.Contains("Strategies:RedisCounter:Lease", StringComparison.Ordinal));
    }

    [Fact]
    public void RedisCounter_lease_that_outlasts_deadline_plus_verify_timeout_is_accepted()
    {
        var options = Resolve<RedisCounterOptions>(new()
        {
            ["Purchase:Deadline"] = "00:00:05",
            ["Purchase:VerifyTimeout"] = "00:00:02",
            ["Strategies:RedisCounter:Lease"] = "00:00:07.001",
        });

        Assert.Equal(TimeSpan.FromMilliseconds(7_001), options.Lease);
    }

    [Fact]
    public void RedisCounter_lease_is_checked_against_a_configured_deadline_not_only_the_default()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<RedisCounterOptions>(new()
        {
            ["Purchase:Deadline"] = "00:01:00",
        }));
    }

    [Fact]
    public void Negative_race_window_is_rejected()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<PurchaseOptions>(new()
        {
            ["Purchase:RaceWindow"] = "-00:00:00.010",
        }));

        Assert.Contains(failure.Failures, message => message.Contains("RaceWindow", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Purchase:Deadline", "00:00:00")]
    [InlineData("Purchase:VerifyTimeout", "-00:00:01")]
    public void Deadline_and_verify_timeout_must_be_positive(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<PurchaseOptions>(new() { [key] = value }));
    }

    [Theory]
    [InlineData("Purchase:ConflictRetries", "11")]
    [InlineData("Strategies:InProcessLock:Stripes", "0")]
    [InlineData("Strategies:Optimistic:MaxBackoffDoublings", "31")]
    public void Out_of_range_numbers_are_rejected(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() =>
        {
            using var host = Build(new() { [key] = value });
            _ = host.Services.GetRequiredService<IOptions<PurchaseOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<InProcessLockOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<OptimisticOptions>>().Value;
        });
    }

    [Fact]
    public void Optimistic_MaxBackoff_below_BaseBackoff_is_rejected()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<OptimisticOptions>(new()
        {
            ["Strategies:Optimistic:BaseBackoff"] = "00:00:00.050",
            ["Strategies:Optimistic:MaxBackoff"] = "00:00:00.010",
        }));

        Assert.Contains(failure.Failures, message => message.Contains("Strategies:Optimistic", StringComparison.Ordinal));
    }

    [Fact]
    public void Optimistic_zero_BaseBackoff_is_rejected()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<OptimisticOptions>(new()
        {
            ["Strategies:Optimistic:BaseBackoff"] = "00:00:00",
        }));
    }

    [Theory]
    [InlineData("-00:00:00.001")]
    [InlineData("00:00:05")]
    public void Batched_linger_must_be_at_least_zero_and_shorter_than_the_deadline(string linger)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<BatchedOptions>(new()
        {
            ["Purchase:Deadline"] = "00:00:05",
            ["Strategies:Batched:Linger"] = linger,
        }));

        Assert.Contains(failure.Failures, message => message.Contains("Strategies:Batched:Linger", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void Batched_batch_size_out_of_range_is_rejected(string size)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<BatchedOptions>(new() { ["Strategies:Batched:MaxBatchSize"] = size }));
    }

    [Fact]
    public void RedLock_needs_a_positive_expiry()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<RedLockOptions>(new()
        {
            ["Strategies:RedLock:Expiry"] = "00:00:00",
        }));
    }

    [Fact]
    public void Catalog_must_cache_at_least_one_sale()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:CachedSales"] = "0" });
        builder.AddCatalog();
        using var host = builder.Build();
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CatalogOptions>>().Value);
    }

    [Theory]
    [InlineData("Redis:Connect", "00:00:00")]
    [InlineData("Redis:Command", "00:05:00")]
    public void Redis_timeouts_out_of_range_are_rejected(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() => Resolve<RedisTimeouts>(new() { [key] = value }));
    }
}
