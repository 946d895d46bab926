using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the optimistic strategy (section <c>Strategies:Optimistic</c>); a buyer retries until sold, sold out or the purchase deadline.</summary>
internal sealed class OptimisticOptions
{
    public const string SectionName = "Strategies:Optimistic";

    /// <summary>
    /// This strategy's purchase deadline. On one hot row every sale invalidates every other buyer's read, so a thousand
    /// contenders on two cores need longer than the common deadline to be decided (5 s sold 59–100 of 100 in the rush).
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first backoff; it doubles per conflict up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Long enough that a thousand contenders on one row retry at a rate the database can serve: with short caps they
    /// spend the machine on attempts that lose (59 sales in 5 s at 100 ms; the whole rush decided at 1 s).
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, 30)]
    public int MaxBackoffDoublings { get; set; } = 7;
}
