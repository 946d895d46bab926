namespace TicketRush.Api.Problems;

/// <summary>How errors are answered (section <c>Problems</c>).</summary>
internal sealed class ProblemOptions
{
    public const string SectionName = "Problems";

    /// <summary>What every 503 tells the client to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
