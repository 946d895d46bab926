namespace TicketRush.Api.Idempotency;

/// <summary>How keyed purchases are remembered (section <c>Idempotency</c>).</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a completed purchase's answer is replayed for its key; a retry after that is a new purchase.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running purchase holds its key without renewing it. The holder renews it at a third of this while it
    /// runs, so a key whose server died is free again this long after, not after a whole purchase deadline.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(3);
}
