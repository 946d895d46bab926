using StackExchange.Redis;
using TicketRush.Api.Servers.Health;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>Redis answers a <c>PING</c>.</summary>
internal sealed class RedisPing(IConnectionMultiplexer redis) : IDependencyPing
{
    public const string CheckName = "ticketrush-redis";

    public string Name => CheckName;

    public Task PingAsync(CancellationToken cancellationToken) => redis.GetDatabase().PingAsync();
}
