using Microsoft.Extensions.Options;
using MySqlConnector;
using StackExchange.Redis;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>
/// A per-ticket stock counter, holder book and lease book in Redis, changed only by Lua scripts so every check-and-change
/// is atomic. MySQL stays the source of truth: the counter is seeded from it, a buyer is marked bought only on its word,
/// and a reservation is settled by what it says: confirmed once the order is there, given back (exactly once) when it
/// is not. Every settlement names its reservation's lease id, so a late settler never touches the buyer's next one.
/// </summary>
internal sealed class RedisStockCounter(IConnectionMultiplexer redis, MySqlDataSource database, IOptions<RedisCounterOptions> options)
{
    private const string ConfirmScript = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1], 'bought')
        redis.call('ZREM', KEYS[3], ARGV[1])
        return 1
        """;

    // Only the caller that still finds the reservation's own lease gives the ticket back, so a purchase and reconciling
    // servers racing for it give it back once, and none gives back a later reservation of the same buyer.
    // ARGV[3] = '1' marks the buyer bought: MySQL says they hold the ticket.
    private const string GiveBackScript = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('ZREM', KEYS[3], ARGV[1])
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCR', KEYS[1]) end
        if ARGV[3] == '1' then redis.call('HSET', KEYS[2], ARGV[1], 'bought') else redis.call('HDEL', KEYS[2], ARGV[1]) end
        return 1
        """;

    // MySQL said sold out although Redis had stock (e.g. a re-seed raced a sale): trust MySQL.
    private const string SoldOutScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[1], 0) end
        if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then
          redis.call('HDEL', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
        end
        return 1
        """;

    // Seeding writes the holders in chunks, then the counter last: a missing counter means "not seeded" to every
    // reservation, so no buyer is admitted against a half-written holder book. Every step stops at a live counter.
    private const string SeedStartScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('DEL', KEYS[2], KEYS[3])
        return 1
        """;

    private const string SeedHoldersScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        for i = 1, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], 'bought') end
        return 1
        """;

    private const string SeedStockScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
        """;

    // KEYS[1]: the ticket's seeding lock. Only its holder releases it.
    private const string ReleaseSeedLockScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Buyers per seeding command: one EVAL stays small however many orders a ticket has.</summary>
    public const int SeedChunk = 1_000;

    private readonly SingleFlight<long, bool> _seeding = new();

    // Answers user, lease id pairs. A lease with no pending reservation behind it settles nothing and is dropped.
    private const string ExpiredScript = """
        local now = redis.call('TIME')
        local users = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now[1] * 1000 + math.floor(now[2] / 1000), 'LIMIT', 0, tonumber(ARGV[1]))
        local expired = {}
        for _, user in ipairs(users) do
          local held = redis.call('HGET', KEYS[2], user)
          if held and held ~= 'bought' then
            expired[#expired + 1] = user
            expired[#expired + 1] = held
          else
            redis.call('ZREM', KEYS[3], user)
          end
        end
        return expired
        """;

    /// <summary>A new lease id: it names one reservation, so settling it can never settle another.</summary>
    public static string NewLeaseId() => Guid.NewGuid().ToString("N");

    public async Task<Reservation> ReserveAsync(PurchaseCommand command, string leaseId, CancellationToken cancellationToken) =>
        (Reservation)(int)await RunAsync(ReservationScript.Text, command.TicketId,
            [command.UserId, (long)options.Value.Lease.TotalMilliseconds, leaseId], cancellationToken);

    /// <summary>The order is in MySQL: the reservation became a sale, and the buyer is marked bought.</summary>
    public Task ConfirmAsync(PurchaseCommand command, string leaseId, CancellationToken cancellationToken) =>
        RunAsync(ConfirmScript, command.TicketId, [command.UserId, leaseId], cancellationToken);

    /// <summary>Gives the reservation <paramref name="leaseId"/> back unless somebody already did; <paramref name="keepBuyer"/> when the buyer holds the ticket in MySQL.</summary>
    /// <returns>Whether this call gave it back.</returns>
    public async Task<bool> GiveBackAsync(PurchaseCommand command, string leaseId, bool keepBuyer, CancellationToken cancellationToken) =>
        (int)await RunAsync(GiveBackScript, command.TicketId, [command.UserId, leaseId, keepBuyer ? "1" : "0"], cancellationToken) == 1;

    public Task MarkSoldOutAsync(PurchaseCommand command, string leaseId, CancellationToken cancellationToken) =>
        RunAsync(SoldOutScript, command.TicketId, [command.UserId, leaseId], cancellationToken);

    /// <summary>Reservations that outlived their lease without being settled, at most <paramref name="limit"/>.</summary>
    public async Task<ExpiredReservation[]> ExpiredReservationsAsync(long ticketId, int limit, CancellationToken cancellationToken)
    {
        var pairs = (RedisResult[])(await RunAsync(ExpiredScript, ticketId, [limit], cancellationToken))!;
        return [.. pairs.Chunk(2).Select(pair => new ExpiredReservation((long)pair[0], (string)pair[1]!))];
    }

    /// <summary>Whether MySQL holds the buyer's order: the only ground for telling a buyer they already bought.</summary>
    public async Task<bool> HoldsOrderAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var exists = new MySqlCommand(
            "SELECT EXISTS(SELECT 1 FROM ticket_orders WHERE ticket_id = @ticket AND user_id = @user)", connection);
        exists.Parameters.AddWithValue("@ticket", command.TicketId);
        exists.Parameters.AddWithValue("@user", command.UserId);
        // Bounded by the command timeout, not the token: see SaleTransaction.Uncancellable.
        return Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>
    /// Seeds a missing counter from MySQL once, however many buyers find it missing: one seeding per ticket on this
    /// server (the others wait for it), and one across servers (a lock in Redis). After Redis lost its data every buyer
    /// would otherwise read all of the ticket's orders and send them in one command.
    /// </summary>
    /// <returns>False when the ticket does not exist; true when it was seeded here or another server is seeding it.</returns>
    public Task<bool> SeedOnceAsync(long ticketId, CancellationToken cancellationToken) =>
        _seeding.RunAsync(ticketId, () => SeedExclusivelyAsync(ticketId), cancellationToken);

    private async Task<bool> SeedExclusivelyAsync(long ticketId)
    {
        var lockKey = (RedisKey)RedisKeys.Seeding(ticketId);
        var holder = Guid.NewGuid().ToString("N");
        if (!await redis.GetDatabase().StringSetAsync(lockKey, holder, options.Value.SeedLock, When.NotExists))
        {
            return true;
        }

        try
        {
            // A buyer who found the counter missing while another seeding ran gets here after it: the counter is back,
            // and reading every order again for nothing is what a rush on a lost counter must not do.
            if (await redis.GetDatabase().KeyExistsAsync(Keys(ticketId)[0]))
            {
                return true;
            }

            // Bounded by the command timeouts, not a buyer's token: buyers waiting for this seeding share it.
            return await SeedFromDatabaseAsync(ticketId, CancellationToken.None);
        }
        finally
        {
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseSeedLockScript, [lockKey], [holder]);
        }
    }

    /// <summary>Seeds a missing counter from one consistent MySQL snapshot; false when the ticket does not exist.</summary>
    private async Task<bool> SeedFromDatabaseAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var read = new MySqlCommand(
            "SELECT remaining_stock FROM tickets WHERE id = @ticket; SELECT user_id FROM ticket_orders WHERE ticket_id = @ticket",
            connection, snapshot);
        read.Parameters.AddWithValue("@ticket", ticketId);
        // Bounded by the command timeout, not the token: see SaleTransaction.Uncancellable.
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return false;
        }

        var remaining = reader.GetInt32(0);
        var buyers = new List<RedisValue>();
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            buyers.Add(reader.GetInt64(0));
        }

        await SeedAsync(ticketId, remaining, buyers, cancellationToken);
        return true;
    }

    /// <summary>Seeds a missing counter (a live one is left alone) with its remaining stock and the buyers MySQL holds orders of.</summary>
    public async Task SeedAsync(long ticketId, int remaining, IEnumerable<RedisValue> buyers, CancellationToken cancellationToken)
    {
        if ((int)await RunAsync(SeedStartScript, ticketId, [], cancellationToken) == 0)
        {
            return;
        }

        foreach (var chunk in buyers.Chunk(SeedChunk))
        {
            await RunAsync(SeedHoldersScript, ticketId, chunk, cancellationToken);
        }

        await RunAsync(SeedStockScript, ticketId, [remaining], cancellationToken);
    }

    /// <summary>
    /// Runs a script to its end, bounded by the Redis client's timeouts, then honours <paramref name="cancellationToken"/>:
    /// a script abandoned mid-flight may still run once Redis answers, and its caller would never settle what it did.
    /// </summary>
    private async Task<RedisResult> RunAsync(string script, long ticketId, RedisValue[] values, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await redis.GetDatabase().ScriptEvaluateAsync(script, Keys(ticketId), values);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // The client fails calls this way while its connection is torn down (Redis stopped or restarting).
            throw new RedisConnectionException(ConnectionFailureType.SocketFailure, "The Redis connection failed during the call.", exception);
        }
    }

    // One hash tag per ticket keeps the keys in one slot, so the scripts also run on a Redis Cluster.
    private static RedisKey[] Keys(long ticketId) =>
    [
        RedisKeys.Stock(ticketId),
        RedisKeys.Holders(ticketId),
        RedisKeys.Leases(ticketId),
    ];
}
