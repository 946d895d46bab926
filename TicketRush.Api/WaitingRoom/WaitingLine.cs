using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketRush.Api.Catalog;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// Every ticket's line in Redis, shared by both servers and changed only by Lua scripts. Positions come from one
/// <c>INCR</c>; admission times from Redis's own clock (<c>TIME</c>), never a server's. A sold-out ticket's line
/// expires after <see cref="WaitingRoomOptions.SoldOutRetention"/>, so lines do not pile up in Redis sale after sale.
/// </summary>
internal sealed class WaitingLine(IConnectionMultiplexer redis, IOptions<WaitingRoomOptions> options)
{
    private const string ActiveKey = "ticketrush:wr:active";

    // KEYS: positions (hash user → position), line (zset user by position), sequence, states (hash user → state); ARGV: user.
    private const string JoinScript = """
        local position = redis.call('HGET', KEYS[1], ARGV[1])
        if position then return tonumber(position) end
        position = redis.call('INCR', KEYS[3])
        redis.call('HSET', KEYS[1], ARGV[1], position)
        redis.call('ZADD', KEYS[2], position, ARGV[1])
        redis.call('HSET', KEYS[4], ARGV[1], 'waiting')
        return position
        """;

    // KEYS: positions, line, states, meta; ARGV: user. Returns position, state, ahead, sold-out flag.
    private const string StatusScript = """
        local position = redis.call('HGET', KEYS[1], ARGV[1])
        if not position then return {0, '', 0, 0} end
        local state = redis.call('HGET', KEYS[3], ARGV[1]) or 'waiting'
        local ahead = 0
        if state == 'waiting' then ahead = redis.call('ZRANK', KEYS[2], ARGV[1]) or 0 end
        return {tonumber(position), state, ahead, tonumber(redis.call('HGET', KEYS[4], 'soldout') or '0')}
        """;

    // KEYS: line, admitted (zset user by when the slot frees), states, meta, admitter lease; ARGV: remaining stock (read
    // from MySQL), admit per second, admission ms, overbooking, tick ms, purchases counted before the stock was read,
    // admitter, slot grace ms. Refuses to act for an admitter that lost its lease; expires lapsed admissions, then admits
    // from the head of the line at the ticket's rate while unexpired admissions stay within the remaining stock (plus
    // overbooking). A slot stays taken for the grace (a purchase's deadline) after the admission expires, since a
    // purchase started just before expiry may still sell; purchases recorded after the stock was read are subtracted,
    // since that read still counted them.
    private const string AdmitScript = """
        if redis.call('GET', KEYS[5]) ~= ARGV[7] then return {0, 0, 0, 1} end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
        for _, user in ipairs(lapsed) do
          redis.call('ZREM', KEYS[2], user)
          redis.call('HSET', KEYS[3], user, 'expired')
        end
        local remaining = tonumber(ARGV[1])
        if remaining <= 0 then
          redis.call('HSET', KEYS[4], 'soldout', '1')
          return {0, #lapsed, 1, 0}
        end
        local late = tonumber(redis.call('HGET', KEYS[4], 'purchased') or '0') - tonumber(ARGV[6])
        local capacity = remaining + tonumber(ARGV[4]) - redis.call('ZCARD', KEYS[2]) - late
        local interval = 1000 / tonumber(ARGV[2])
        local nextAt = tonumber(redis.call('HGET', KEYS[4], 'next_at') or '0')
        if nextAt < now - tonumber(ARGV[5]) then nextAt = now - tonumber(ARGV[5]) end
        local admitted = 0
        while capacity > 0 and nextAt < now do
          local head = redis.call('ZRANGE', KEYS[1], 0, 0)
          if #head == 0 then break end
          local expires = now + tonumber(ARGV[3])
          redis.call('ZREM', KEYS[1], head[1])
          redis.call('ZADD', KEYS[2], expires + tonumber(ARGV[8]), head[1])
          redis.call('HSET', KEYS[3], head[1], 'admitted:' .. expires)
          capacity = capacity - 1
          admitted = admitted + 1
          nextAt = nextAt + interval
        end
        redis.call('HSET', KEYS[4], 'next_at', nextAt)
        return {admitted, #lapsed, 0, 0}
        """;

    // KEYS: admitted, states, meta; ARGV: user. Counts the purchase, so an admission round whose stock read predates it
    // does not count its ticket twice (once as stock, once as a freed slot).
    private const string PurchasedScript = """
        redis.call('HINCRBY', KEYS[3], 'purchased', 1)
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HSET', KEYS[2], ARGV[1], 'purchased')
        return 1
        """;

    private const string ExpireScript = "for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end return 1";

    /// <summary>Puts the buyer in line (once) and returns their position.</summary>
    public async Task<long> JoinAsync(long ticketId, long userId)
    {
        var keys = new Keys(ticketId);
        var position = (long)await Database.ScriptEvaluateAsync(JoinScript, [keys.Positions, keys.Line, keys.Sequence, keys.States], [userId]);
        await Database.SetAddAsync(ActiveKey, ticketId);
        return position;
    }

    /// <summary>Where the buyer stands; null when they never joined.</summary>
    public async Task<QueueState?> StatusAsync(long ticketId, long userId)
    {
        var keys = new Keys(ticketId);
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(StatusScript, [keys.Positions, keys.Line, keys.States, keys.Meta], [userId]))!;
        var position = (long)result[0];
        if (position == 0)
        {
            return null;
        }

        var state = (string)result[1]!;
        var soldOut = (long)result[3] == 1;
        if (state.StartsWith(QueueStatuses.Admitted, StringComparison.Ordinal))
        {
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(state[(QueueStatuses.Admitted.Length + 1)..], CultureInfo.InvariantCulture));
            return soldOut ? new QueueState(position, QueueStatuses.SoldOut, 0, null) : new QueueState(position, QueueStatuses.Admitted, 0, expires);
        }

        return state == QueueStatuses.Waiting && soldOut
            ? new QueueState(position, QueueStatuses.SoldOut, 0, null)
            : new QueueState(position, state, (long)result[2], null);
    }

    /// <summary>Purchases recorded so far; read before the remaining stock, for <see cref="AdmitAsync"/>.</summary>
    public async Task<long> PurchasesAsync(long ticketId) => (long?)await Database.HashGetAsync(new Keys(ticketId).Meta, "purchased") ?? 0;

    /// <summary>
    /// One admission tick for one ticket by <paramref name="admitter"/>, which must hold the admission lease (else
    /// nothing happens). <paramref name="purchasesBeforeRead"/> is <see cref="PurchasesAsync"/> as read before
    /// <paramref name="remainingStock"/>; <paramref name="grace"/> is how long after an admission expires its purchase may still run.
    /// </summary>
    public async Task<AdmissionRound> AdmitAsync(
        long ticketId, AdmissionRules rules, int remainingStock, long purchasesBeforeRead, TimeSpan tick, string admitter, TimeSpan grace)
    {
        var keys = new Keys(ticketId);
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(AdmitScript,
            [keys.Line, keys.Admitted, keys.States, keys.Meta, AdmissionLease.Key],
            [remainingStock, rules.AdmitPerSecond, (long)rules.AdmissionTime.TotalMilliseconds, rules.Overbooking, (long)tick.TotalMilliseconds,
             purchasesBeforeRead, admitter, (long)grace.TotalMilliseconds]))!;
        var round = new AdmissionRound((int)result[0], (int)result[1], (int)result[2] == 1, LeaseLost: (int)result[3] == 1);
        if (round.SoldOut)
        {
            // MySQL's remaining stock never grows back: the sale is over, and its line only has to answer "sold out" a while longer.
            await Database.ScriptEvaluateAsync(ExpireScript, keys.All, [(long)options.Value.SoldOutRetention.TotalMilliseconds]);
            await Database.SetRemoveAsync(ActiveKey, ticketId);
        }

        return round;
    }

    /// <summary>The buyer holds the ticket: their admission is used up and frees no slot when it would have expired.</summary>
    public Task MarkPurchasedAsync(long ticketId, long userId)
    {
        var keys = new Keys(ticketId);
        return Database.ScriptEvaluateAsync(PurchasedScript, [keys.Admitted, keys.States, keys.Meta], [userId]);
    }

    public async Task<bool> HasPurchasedAsync(long ticketId, long userId) =>
        await Database.HashGetAsync(new Keys(ticketId).States, userId) == QueueStatuses.Purchased;

    /// <summary>Tickets whose line may have buyers to admit.</summary>
    public async Task<long[]> ActiveTicketsAsync() =>
        [.. (await Database.SetMembersAsync(ActiveKey)).Select(member => (long)member)];

    private IDatabase Database => redis.GetDatabase();

    private readonly record struct Keys(long TicketId)
    {
        public RedisKey Positions => RedisKeys.WaitingRoom(TicketId, "positions");
        public RedisKey Line => RedisKeys.WaitingRoom(TicketId, "line");
        public RedisKey Sequence => RedisKeys.WaitingRoom(TicketId, "sequence");
        public RedisKey States => RedisKeys.WaitingRoom(TicketId, "states");
        public RedisKey Admitted => RedisKeys.WaitingRoom(TicketId, "admitted");
        public RedisKey Meta => RedisKeys.WaitingRoom(TicketId, "meta");

        public RedisKey[] All => [Positions, Line, Sequence, States, Admitted, Meta];
    }
}
