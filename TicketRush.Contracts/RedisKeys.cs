namespace TicketRush.Contracts;

/// <summary>
/// The Redis keys the servers keep that tests and drills read or damage on purpose. Keys of one ticket share a hash
/// tag (<c>{…}</c>) so one Lua script may touch them on a Redis Cluster.
/// </summary>
public static class RedisKeys
{
    /// <summary>redis-counter: the stock left to reserve.</summary>
    public static string Stock(long ticketId) => StockCounter(ticketId, "stock");

    /// <summary>redis-counter: the buyers holding a reservation or a sale.</summary>
    public static string Holders(long ticketId) => StockCounter(ticketId, "holders");

    /// <summary>redis-counter: unsettled reservations, scored by when their lease ends.</summary>
    public static string Leases(long ticketId) => StockCounter(ticketId, "leases");

    /// <summary>redis-counter: held by the one server seeding the counter from the database.</summary>
    public static string Seeding(long ticketId) => StockCounter(ticketId, "seeding");

    /// <summary>What redlock locks for a ticket; RedLock.net stores it under <see cref="RedLockKey"/>.</summary>
    public static string RedLockResource(long ticketId) => $"ticketrush:ticket:{ticketId}";

    public static string RedLockKey(long ticketId) => $"redlock:{RedLockResource(ticketId)}";

    /// <summary>A waiting room's keys of a ticket: <c>positions</c>, <c>line</c>, <c>sequence</c>, <c>states</c>, <c>admitted</c>, <c>meta</c>.</summary>
    public static string WaitingRoom(long ticketId, string part) => $"ticketrush:wr:{{{ticketId}}}:{part}";

    /// <summary>The lease of the one server that admits buyers.</summary>
    public const string Admitter = "ticketrush:wr:admitter";

    private static string StockCounter(long ticketId, string part) => $"ticketrush:{{ticket:{ticketId}}}:{part}";
}
