using StackExchange.Redis;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// Which server admits buyers: whoever holds this Redis lease. One admitter at a time keeps admission in line order
/// at the configured rate; a dead admitter's lease runs out and another server takes over.
/// </summary>
internal sealed class AdmissionLease(IConnectionMultiplexer redis)
{
    public static readonly RedisKey Key = RedisKeys.Admitter;

    private const string HoldScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Takes the lease if it is free, or renews it if <paramref name="owner"/> holds it; true while held.</summary>
    public async Task<bool> HoldAsync(string owner, TimeSpan lease) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(HoldScript, [Key], [owner, (long)lease.TotalMilliseconds]) == 1;

    public Task ReleaseAsync(string owner) => redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key], [owner]);
}
