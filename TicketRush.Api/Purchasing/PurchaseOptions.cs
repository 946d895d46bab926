using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing;

/// <summary>Purchase behaviour shared by every strategy (section <c>Purchase</c>).</summary>
public sealed class PurchaseOptions
{
    public const string SectionName = "Purchase";

    /// <summary>The strategy used when a request names none.</summary>
    [Required]
    public string DefaultStrategy { get; set; } = "none";

    /// <summary>
    /// A pause between reading the stock and writing it back, in the strategies that read then write.
    /// Off by default; widening it makes the races of the unsafe strategies show on any machine.
    /// </summary>
    public TimeSpan RaceWindow { get; set; } = TimeSpan.Zero;

    /// <summary>What a 503 tells the buyer to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
