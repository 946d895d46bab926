namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the Redis distributed lock strategy (section <c>Strategies:RedLock</c>); a buyer waits for the lock until the purchase deadline.</summary>
public sealed class RedLockOptions
{
    public const string SectionName = "Strategies:RedLock";

    /// <summary>How long the lock lives unless extended; RedLock.net extends it while held.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a waiting buyer pauses between attempts, at most (jittered).</summary>
    public TimeSpan Retry { get; set; } = TimeSpan.FromMilliseconds(10);
}
