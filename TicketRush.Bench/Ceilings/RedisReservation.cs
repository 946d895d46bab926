using StackExchange.Redis;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// The <c>redis-counter</c> strategy's reservation, run straight through StackExchange.Redis on counters of the bench's
/// own (keys no ticket uses), so the ceiling is the script itself and never disturbs a sale.
/// </summary>
public sealed class RedisReservation(IDatabase redis)
{
    // A copy of RedisStockCounter.ReserveScript (private to the API): keep the two identical.
    private const string ReserveScript = """
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

    // The API's default lease is irrelevant to the cost of the script; any positive lease does.
    private const long LeaseMilliseconds = 30_000;

    private static long _counters;

    public async Task<RedisKey[]> SeedAsync(int stock)
    {
        var id = Interlocked.Increment(ref _counters);
        RedisKey[] keys =
        [
            $"ticketrush-bench:{{ceiling:{id}}}:stock",
            $"ticketrush-bench:{{ceiling:{id}}}:buyers",
            $"ticketrush-bench:{{ceiling:{id}}}:leases",
        ];
        await DeleteAsync(keys);
        await redis.StringSetAsync(keys[0], stock);
        return keys;
    }

    /// <param name="measuringRejections">True on a sold-out counter, where a rejection is the operation being measured.</param>
    public async Task<string> ReserveAsync(RedisKey[] keys, long userId, bool measuringRejections) =>
        (int)await redis.ScriptEvaluateAsync(ReserveScript, keys, [userId, LeaseMilliseconds]) switch
        {
            1 when !measuringRejections => Ceilings.Succeeded,
            0 when measuringRejections => Ceilings.Succeeded,
            var other => $"reservation {other}",
        };

    public Task DeleteAsync(RedisKey[] keys) => redis.KeyDeleteAsync(keys);
}
