namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>
/// The <c>redis-counter</c> reservation, one Lua script so the check-and-change is atomic. Its own file because the
/// benchmark compiles this same file to measure the script's ceiling: the measured script is the one that sells.
/// </summary>
internal static class ReservationScript
{
    // KEYS: stock, buyers, leases. ARGV: user, lease in ms. The lease ends at Redis's own clock, never a server's.
    // Returns 1 reserved, 0 sold out, -1 already bought, -2 not seeded.
    public const string Text = """
        local stock = redis.call('GET', KEYS[1])
        if not stock then return -2 end
        if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -1 end
        if tonumber(stock) <= 0 then return 0 end
        redis.call('DECR', KEYS[1])
        redis.call('SADD', KEYS[2], ARGV[1])
        local now = redis.call('TIME')
        redis.call('ZADD', KEYS[3], now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[2]), ARGV[1])
        return 1
        """;
}
