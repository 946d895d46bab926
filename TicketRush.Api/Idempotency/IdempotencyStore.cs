using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.Idempotency;

/// <summary>
/// Keys and the answers they got, in Redis so both servers share them; every check-and-change is one Lua script.
/// A record is <c>running</c> under a short lease its owner renews, then <c>done</c> with the answer for the retention.
/// </summary>
internal sealed class IdempotencyStore(IConnectionMultiplexer redis, IOptions<IdempotencyOptions> options, TimeProvider time)
{
    private const string ClaimScript = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then
          redis.call('HSET', KEYS[1], 'state', 'running', 'fp', ARGV[1], 'owner', ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return {'acquired'}
        end
        if redis.call('HGET', KEYS[1], 'fp') ~= ARGV[1] then return {'mismatch'} end
        if state == 'running' then return {'running', redis.call('PTTL', KEYS[1])} end
        return {'done', redis.call('HGET', KEYS[1], 'status'), redis.call('HGET', KEYS[1], 'type'),
                redis.call('HGET', KEYS[1], 'location'), redis.call('HGET', KEYS[1], 'body')}
        """;

    // A lease that ran out while nobody else claimed the key (Redis was unreachable longer than the lease) is taken again.
    private const string RenewScript = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if not owner then
          redis.call('HSET', KEYS[1], 'state', 'running', 'fp', ARGV[3], 'owner', ARGV[1])
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if owner == ARGV[1] and redis.call('HGET', KEYS[1], 'state') == 'running' then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private const string CompleteScript = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if owner and owner ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'done', 'owner', ARGV[1], 'fp', ARGV[7], 'status', ARGV[2], 'type', ARGV[3], 'location', ARGV[4], 'body', ARGV[5])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] and redis.call('HGET', KEYS[1], 'state') == 'running' then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    public async Task<IdempotencyClaim> ClaimAsync(IdempotentRequest request)
    {
        var owner = Guid.NewGuid().ToString("N");
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(ClaimScript, [request.RedisKey],
            [request.Fingerprint, owner, Milliseconds(options.Value.Lease)]))!;
        return ((string?)result[0]) switch
        {
            "acquired" => new IdempotencyClaim.Acquired(owner),
            "mismatch" => new IdempotencyClaim.Mismatch(),
            "running" => new IdempotencyClaim.InProgress(TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]))),
            _ => new IdempotencyClaim.Completed(new StoredResponse(
                (int)result[1], NullIfEmpty((string?)result[2]), NullIfEmpty((string?)result[3]), (byte[])result[4]!)),
        };
    }

    /// <summary>
    /// Keeps a running request's claim alive until <paramref name="stop"/> is cancelled, through transient Redis errors.
    /// </summary>
    /// <returns>False when the claim was lost (it expired, or another request holds the key): the caller reports it.</returns>
    public Task<bool> RenewUntilAsync(IdempotentRequest request, string owner, Action<Exception> failed, CancellationToken stop) =>
        LeaseRenewal.RenewUntilAsync(
            async () => (int)await Database.ScriptEvaluateAsync(RenewScript, [request.RedisKey], [owner, Milliseconds(options.Value.Lease), request.Fingerprint]) == 1,
            DependencyFailure.IsUnavailableOrAbandoned, failed, options.Value.Lease / 3, time, stop);

    /// <summary>Stores the answer unless another request holds the key; a key whose lease merely ran out is stored again.</summary>
    /// <returns>False when another request holds the key: the answer was not stored.</returns>
    public async Task<bool> CompleteAsync(IdempotentRequest request, string owner, StoredResponse response) =>
        (int)await Database.ScriptEvaluateAsync(CompleteScript, [request.RedisKey],
            [owner, response.Status, response.ContentType ?? "", response.Location ?? "", response.Body, Milliseconds(options.Value.Retention), request.Fingerprint]) == 1;

    /// <summary>Frees the key of a request that got no decision (a 5xx), so a retry runs it again.</summary>
    public Task ReleaseAsync(IdempotentRequest request, string owner) =>
        Database.ScriptEvaluateAsync(ReleaseScript, [request.RedisKey], [owner]);

    private IDatabase Database => redis.GetDatabase();

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
