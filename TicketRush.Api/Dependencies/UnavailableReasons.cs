namespace TicketRush.Api.Dependencies;

/// <summary>What a 503 tells the buyer, in general words: never an exception text, host, port or version.</summary>
internal static class UnavailableReasons
{
    public const string Deadline = "the purchase could not be completed in time";
    public const string Database = "the ticket database is unavailable";
    public const string Redis = "the reservation store is unavailable";
    public const string RedisFull = "the reservation store is full";
    public const string LockNotAcquired = "too many buyers are waiting for this ticket";
    public const string LockServers = "too few lock servers are answering";
    public const string IdempotencyStore = "the idempotency store is unavailable";
    public const string IdempotencyStoreFull = "the idempotency store is full";
    public const string LockLost = "the purchase lost its lock before writing";
}
