using StackExchange.Redis;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Security;

/// <summary>Redis cannot grow without bound: it has a memory cap, and at the cap it refuses writes rather than evict a sale's state.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedisMemoryTests(TicketRushApp app)
{
    [Fact]
    public async Task Redis_has_a_memory_cap_and_never_evicts()
    {
        var options = ConfigurationOptions.Parse(await app.ConnectionStringAsync("redis"));
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints().Single());

        var settings = (await server.ConfigGetAsync("maxmemory*")).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.True(long.Parse(settings["maxmemory"], System.Globalization.CultureInfo.InvariantCulture) > 0, "maxmemory is 0: unbounded");
        Assert.Equal("noeviction", settings["maxmemory-policy"]);
    }
}
