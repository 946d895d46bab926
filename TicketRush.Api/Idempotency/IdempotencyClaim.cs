namespace TicketRush.Api.Idempotency;

/// <summary>What a request finds when it claims its key.</summary>
internal abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>First with this key: this request runs, holding the key under <paramref name="Owner"/>.</summary>
    public sealed record Acquired(string Owner) : IdempotencyClaim;

    /// <summary>An earlier request with this key is still running; it holds the key for at most <paramref name="RetryIn"/> more.</summary>
    public sealed record InProgress(TimeSpan RetryIn) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The key's request completed: replay its answer.</summary>
    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;
}
