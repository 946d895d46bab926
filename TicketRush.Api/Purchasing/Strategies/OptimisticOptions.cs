using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the optimistic strategy (section <c>Strategies:Optimistic</c>); a buyer retries until sold, sold out or the purchase deadline.</summary>
public sealed class OptimisticOptions
{
    public const string SectionName = "Strategies:Optimistic";

    /// <summary>The first backoff; it doubles per conflict up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(0, 30)]
    public int MaxBackoffDoublings { get; set; } = 6;
}
