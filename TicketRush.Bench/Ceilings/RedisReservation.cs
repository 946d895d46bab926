using StackExchange.Redis;
using TicketRush.Api.Purchasing.RedisStock;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// The <c>redis-counter</c> strategy's reservation, run straight through StackExchange.Redis on counters of the bench's
/// own (keys no ticket uses), so the ceiling is the script itself and never disturbs a sale.
/// </summary>
internal sealed class RedisReservation(IDatabase redis)
{
    // The API's default lease is irrelevant to the cost of the script; any positive lease does.
    public const long LeaseMilliseconds = 30_000;

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
        (int)await redis.ScriptEvaluateAsync(ReservationScript.Text, keys, [userId, LeaseMilliseconds, $"bench-lease-{userId}"]) switch
        {
            1 when !measuringRejections => Ceilings.Succeeded,
            0 when measuringRejections => Ceilings.Succeeded,
            var other => $"reservation {other}",
        };

    public Task DeleteAsync(RedisKey[] keys) => redis.KeyDeleteAsync(keys);
}
