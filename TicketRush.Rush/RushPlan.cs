using TicketRush.Rush.History;

namespace TicketRush.Rush;

/// <summary>How a rush's buyers behave and how its history is judged.</summary>
/// <param name="Keyed">Which buyers send an <c>Idempotency-Key</c> (a new one per purchase) and retry with it; none when null.</param>
/// <param name="Retry">How keyed buyers retry an answer that may not have happened.</param>
/// <param name="FaultsInjected">True when the rush runs under injected faults: C5 is then a figure, not a violation.</param>
/// <param name="History">The history to record into, when a test also records purchases of its own around the rush.</param>
public sealed record RushPlan(Func<long, bool>? Keyed = null, RetryPolicy? Retry = null, bool FaultsInjected = false, PurchaseHistory? History = null)
{
    public static RushPlan Default { get; } = new();

    /// <summary>Every second buyer (the even ones) keyed.</summary>
    public static Func<long, bool> HalfKeyed { get; } = buyer => buyer % 2 == 0;

    public RetryPolicy RetryPolicy => Retry ?? RetryPolicy.Default;
}
