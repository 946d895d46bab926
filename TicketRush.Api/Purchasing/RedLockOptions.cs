namespace TicketRush.Api.Purchasing;

/// <summary>Options of the Redis distributed lock strategy (section <c>Strategies:RedLock</c>).</summary>
public sealed class RedLockOptions
{
    public const string SectionName = "Strategies:RedLock";

    /// <summary>How long the lock lives unless extended; RedLock.net extends it while held.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a buyer waits for the lock before a 503; long enough that a rush never undersells.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting buyer tries again.</summary>
    public TimeSpan Retry { get; set; } = TimeSpan.FromMilliseconds(20);
}
