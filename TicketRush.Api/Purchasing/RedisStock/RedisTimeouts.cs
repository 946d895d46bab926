using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>Redis client timeouts (section <c>Redis</c>), short enough to fit inside a purchase deadline.</summary>
internal sealed class RedisTimeouts
{
    public const string SectionName = "Redis";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>One call; a lock attempt may take two (acquire, then clean up), and it must end near the purchase deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Command { get; set; } = TimeSpan.FromSeconds(1);
}
