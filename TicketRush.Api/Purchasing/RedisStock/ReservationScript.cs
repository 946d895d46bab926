namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>
/// The <c>redis-counter</c> reservation, one Lua script so the check-and-change is atomic. Its own file because the
/// benchmark compiles this same file to measure the script's ceiling: the measured script is the one that sells.
/// </summary>
internal static class ReservationScript
{
    /// <summary>The holders value of a buyer whose order MySQL holds; any other value is the lease id of a pending reservation.</summary>
    public const string Bought = "bought";

    // KEYS: stock, holders, leases. ARGV: user, lease in ms, lease id. The lease ends at Redis's own clock, never a server's.
    // Returns 1 reserved, 0 sold out, -1 already bought (MySQL holds the order), -2 not seeded, -3 a reservation of the
    // buyer's is still pending: nobody knows yet whether it becomes an order.
    public const string Text = """
        local stock = redis.call('GET', KEYS[1])
        if not stock then return -2 end
        local held = redis.call('HGET', KEYS[2], ARGV[1])
        if held == 'bought' then return -1 end
        if held then return -3 end
        if tonumber(stock) <= 0 then return 0 end
        redis.call('DECR', KEYS[1])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        local now = redis.call('TIME')
        redis.call('ZADD', KEYS[3], now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[2]), ARGV[1])
        return 1
        """;
}
