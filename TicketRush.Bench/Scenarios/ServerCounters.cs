using System.Globalization;
using MySqlConnector;
using StackExchange.Redis;

namespace TicketRush.Bench.Scenarios;

/// <summary>
/// What the database and Redis counted while one scenario ran, read from their own counters before and after (only
/// that scenario's load runs between the two reads): UPDATE statements, InnoDB row-lock waits and their time, and
/// Redis <c>SET</c> calls, which are RedLock.net's lock attempts (<c>SET … NX PX</c>; extending and releasing use scripts).
/// </summary>
internal sealed record ServerCounters(long Updates, long RowLockWaits, long RowLockWaitMs, long RedisSets)
{
    public static async Task<ServerCounters> ReadAsync(MySqlDataSource database, IServer redis, CancellationToken cancellationToken)
    {
        var status = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var command = new MySqlCommand(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_update', 'Innodb_row_lock_waits', 'Innodb_row_lock_time')", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                status[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
        }

        var sets = (await redis.InfoAsync("commandstats"))
            .SelectMany(group => group)
            .FirstOrDefault(pair => pair.Key == "cmdstat_set").Value is { } stats
            ? long.Parse(stats.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture)
            : 0;
        return new ServerCounters(
            status.GetValueOrDefault("Com_update"), status.GetValueOrDefault("Innodb_row_lock_waits"),
            status.GetValueOrDefault("Innodb_row_lock_time"), sets);
    }

    public static ServerCounters operator -(ServerCounters after, ServerCounters before) => new(
        after.Updates - before.Updates, after.RowLockWaits - before.RowLockWaits,
        after.RowLockWaitMs - before.RowLockWaitMs, after.RedisSets - before.RedisSets);
}
