using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace TicketRush.Api.RateLimiting;

/// <summary>The shared (Redis) fixed windows behind both limits; one Redis key per client address or buyer and window.</summary>
internal sealed class RateLimitPartitions(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, TimeProvider time, ILoggerFactory logs)
{
    private readonly HashSet<IPAddress> _exempt = [.. options.Value.ExemptAddresses.Select(IPAddress.Parse).Select(Normalise)];

    public PartitionedRateLimiter<HttpContext> ByAddress() => FailOpen(PartitionedRateLimiter.Create<HttpContext, string>(context =>
        IsExempt(context) || !context.Request.Path.StartsWithSegments("/api")
            ? RateLimitPartition.GetNoLimiter("")
            : Window($"address:{AddressOf(context)}", options.Value.PerAddress)));

    public PartitionedRateLimiter<long> ByBuyer() => FailOpen(PartitionedRateLimiter.Create<long, string>(buyer =>
        Window($"buyer:{buyer}", options.Value.PerBuyer)));

    /// <summary>Limits are off, or the client is trusted (<c>RateLimits:ExemptAddresses</c>): no limit of any kind applies.</summary>
    public bool IsExempt(HttpContext context) => !options.Value.Enabled || _exempt.Contains(AddressOf(context));

    private static IPAddress AddressOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote ? Normalise(remote) : IPAddress.None;

    private RateLimitPartition<string> Window(string key, RateLimitOptions.FixedWindow window) =>
        RedisRateLimitPartition.GetFixedWindowRateLimiter($"ticketrush:ratelimit:{key}", _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = window.PermitLimit,
            Window = window.Window,
        });

    private FailOpenRateLimiter<T> FailOpen<T>(PartitionedRateLimiter<T> limiter) =>
        new(limiter, options.Value.RedisFailureMemory, time, logs.CreateLogger<RateLimitPartitions>());

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
