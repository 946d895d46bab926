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

    /// <summary>About half the buyers keyed: by a hash of the buyer's id, so keyed buyers are not all sent to one server.</summary>
    public static Func<long, bool> HalfKeyed { get; } = KeyedEvery(2);

    /// <summary>
    /// About one buyer in <paramref name="n"/> keyed, chosen by a Fibonacci hash of the id: a plain <c>id % n</c> would
    /// line up with the runner's <c>i % servers</c> split and key every buyer of one server and none of the other.
    /// </summary>
    public static Func<long, bool> KeyedEvery(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return buyer => ((ulong)buyer * 0x9E3779B97F4A7C15UL >> 32) % (ulong)n == 0;
    }

    public RetryPolicy RetryPolicy => Retry ?? RetryPolicy.Default;
}
