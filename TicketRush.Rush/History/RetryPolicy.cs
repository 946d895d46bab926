namespace TicketRush.Rush.History;

/// <summary>
/// How a keyed buyer retries an attempt that may not have happened (<see cref="AnswerKind.Unknown"/>) with the same key:
/// after the answer's <c>Retry-After</c> (or <see cref="Delay"/> without one), capped at <see cref="MaxDelay"/>, at most
/// <see cref="MaxRetries"/> times. Unkeyed buyers never retry: a second request could buy a second time.
/// </summary>
public sealed record RetryPolicy(int MaxRetries, TimeSpan Delay, TimeSpan MaxDelay)
{
    /// <summary>Five retries, 250 ms apart unless the server says otherwise, never more than 5 s apart.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan DelayAfter(PurchaseOperation attempt) =>
        attempt.RetryAfter is { } asked ? (asked > MaxDelay ? MaxDelay : asked) : Delay;
}
