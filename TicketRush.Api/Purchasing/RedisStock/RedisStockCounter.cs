using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using TicketRush.Api.Data;
using TicketRush.Api.Tickets;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>
/// A per-ticket stock counter and buyer set in Redis, changed only by Lua scripts so every check-and-change is
/// atomic. MySQL stays the source of truth: the counter is seeded from it and corrected by what it says.
/// </summary>
public sealed class RedisStockCounter(
    IConnectionMultiplexer redis,
    IDbContextFactory<TicketRushDbContext> contexts) : ITicketCreatedHandler
{
    private const string ReserveScript = """
        local stock = redis.call('GET', KEYS[1])
        if not stock then return -2 end
        if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -1 end
        if tonumber(stock) <= 0 then return 0 end
        redis.call('DECR', KEYS[1])
        redis.call('SADD', KEYS[2], ARGV[1])
        return 1
        """;

    // ARGV[2] = '1' keeps the buyer marked: MySQL says they already hold the ticket.
    private const string ReleaseScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('INCR', KEYS[1])
        if ARGV[2] ~= '1' then redis.call('SREM', KEYS[2], ARGV[1]) end
        return 1
        """;

    private const string SoldOutScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[1], 0) end
        redis.call('SREM', KEYS[2], ARGV[1])
        return 1
        """;

    // Seeds only a missing counter, so a concurrent seeder or a live counter is never overwritten.
    private const string SeedScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('DEL', KEYS[2])
        for i = 2, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
        """;

    public async Task<Reservation> ReserveAsync(PurchaseCommand command) =>
        (Reservation)(int)await Database.ScriptEvaluateAsync(ReserveScript, Keys(command.TicketId), [command.UserId]);

    /// <summary>Gives a reservation back; <paramref name="keepBuyer"/> when the buyer already holds the ticket in MySQL.</summary>
    public Task ReleaseAsync(PurchaseCommand command, bool keepBuyer) =>
        Database.ScriptEvaluateAsync(ReleaseScript, Keys(command.TicketId), [command.UserId, keepBuyer ? "1" : "0"]);

    /// <summary>MySQL says sold out although Redis had stock (e.g. a re-seed raced a sale): trust MySQL.</summary>
    public Task MarkSoldOutAsync(PurchaseCommand command) =>
        Database.ScriptEvaluateAsync(SoldOutScript, Keys(command.TicketId), [command.UserId]);

    /// <summary>Seeds a missing counter from one consistent MySQL snapshot; false when the ticket does not exist.</summary>
    public async Task<bool> SeedFromDatabaseAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, token);
            var remaining = await db.Tickets.Where(t => t.Id == ticketId).Select(t => (int?)t.RemainingStock).SingleOrDefaultAsync(token);
            if (remaining is null)
            {
                return false;
            }

            var buyers = await db.TicketOrders.Where(o => o.TicketId == ticketId).Select(o => o.UserId).ToListAsync(token);
            await SeedAsync(ticketId, remaining.Value, buyers);
            return true;
        }, cancellationToken);
    }

    Task ITicketCreatedHandler.OnTicketCreatedAsync(Ticket ticket, CancellationToken cancellationToken) =>
        SeedAsync(ticket.Id, ticket.RemainingStock, []);

    private Task SeedAsync(long ticketId, int remaining, IEnumerable<long> buyers) =>
        Database.ScriptEvaluateAsync(SeedScript, Keys(ticketId), [remaining, .. buyers.Select(b => (RedisValue)b)]);

    private IDatabase Database => redis.GetDatabase();

    // One hash tag per ticket keeps both keys in one slot, so the scripts also run on a Redis Cluster.
    private static RedisKey[] Keys(long ticketId) =>
        [$"ticketrush:{{ticket:{ticketId}}}:stock", $"ticketrush:{{ticket:{ticketId}}}:buyers"];
}
