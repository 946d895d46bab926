using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing;

/// <summary>Options of the optimistic strategy (section <c>Strategies:Optimistic</c>).</summary>
public sealed class OptimisticOptions
{
    public const string SectionName = "Strategies:Optimistic";

    /// <summary>
    /// How long one buyer keeps retrying conflicts before a 503; long enough that a rush never undersells.
    /// On one hot row with 1,000 contenders every sale invalidates everyone else's read: a rush of 100
    /// sales took 20–60 s on the 2-core development machine.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The first backoff; it doubles per conflict up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(1, 30)]
    public int MaxBackoffDoublings { get; set; } = 6;
}
