namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the Redis distributed lock strategy (section <c>Strategies:RedLock</c>); a buyer waits for the lock until the purchase deadline.</summary>
internal sealed class RedLockOptions
{
    public const string SectionName = "Strategies:RedLock";

    /// <summary>
    /// The connection names of the independent Redis servers the lock is taken on (Redlock: granted by a majority, N/2+1,
    /// with its validity time); none: the lock is on the main <c>redis</c>. The AppHost names its <c>redis-lock-*</c> here.
    /// </summary>
    public IReadOnlyList<string> Servers { get; set; } = [];

    /// <summary>
    /// How long the lock lives unless extended; RedLock.net extends it while its holder lives, so this only bounds how long
    /// buyers wait after a holder died. Shorter than the purchase deadline, so they can still buy.
    /// </summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a waiting buyer sleeps between attempts at most, unless told sooner that the lock was released.</summary>
    public TimeSpan Retry { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>After Redis failed a lock attempt, how long buyers on this server are answered 503 without trying Redis.</summary>
    public TimeSpan RedisFailureMemory { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one lock attempt may take before it is given up (Redis not answering); a buyer with less time left than
    /// this gets a 503 instead of an attempt that would overrun its deadline.
    /// </summary>
    public TimeSpan AttemptReserve { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many of its buyers in a row a server serves with one grant of the lock while another server waits for it; with
    /// nobody else waiting the lock stays as long as this server has buyers queued.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000)]
    public int RunLength { get; set; } = 8;

    /// <summary>Local queues shared out by ticket id, so one buyer per server at a time polls Redis for a ticket's lock.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 65_536)]
    public int LocalQueues { get; set; } = 256;
}
