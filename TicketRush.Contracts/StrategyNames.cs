namespace TicketRush.Contracts;

/// <summary>
/// The names clients give a ticket's strategy (<c>POST /api/tickets</c> <c>strategy</c>); each strategy's descriptor
/// takes its name from here. A client that wants every strategy lists them (<c>GET /api/strategies</c>) instead.
/// </summary>
public static class StrategyNames
{
    public const string NoControl = "none";
    public const string Lock = "lock";
    public const string Semaphore = "semaphore";
    public const string Pessimistic = "pessimistic";
    public const string Optimistic = "optimistic";
    public const string RedLock = "redlock";
    public const string Atomic = "atomic";
    public const string RedisCounter = "redis-counter";
    public const string Batched = "batched";
}
