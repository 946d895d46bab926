using TicketRush.Rush.History;

namespace TicketRush.Rush.Soak;

/// <summary>What a soak did to one strategy's ticket and to the servers' health.</summary>
/// <param name="Safe">The strategy claims to be safe on this many servers, so its invariants and its health under load are judged.</param>
/// <param name="HealthyAfterLoad">Every server answered its health check within <see cref="HealthWatch.RecoveryTimeout"/> after the load.</param>
/// <param name="After">The ticket read back after the load; null when no healthy server could answer.</param>
/// <param name="Orders">The ticket's orders read back after the load; null when no healthy server could answer.</param>
/// <param name="History">The history checker's verdict over every purchase of the load; null when the ticket could not be read back.</param>
public sealed record SoakResult(
    string Strategy,
    bool Safe,
    int Stock,
    SoakRequests Requests,
    HealthSummary HealthDuringLoad,
    bool HealthyAfterLoad,
    TicketResponse? After,
    IReadOnlyList<OrderResponse>? Orders,
    HistoryVerdict? History = null)
{
    /// <summary>Stock the ticket lost: <c>stock − remaining</c>; equals the order count when no decrement was lost.</summary>
    public int? StockTaken => After is null ? null : Stock - After.RemainingStock;

    /// <summary>
    /// The invariants that broke: nobody holds two orders, no more orders than stock, and — for a safe strategy —
    /// one stock decrement per order. Empty when all held; null when the ticket could not be read back.
    /// </summary>
    public IReadOnlyList<string>? BrokenInvariants
    {
        get
        {
            if (Orders is null || StockTaken is not { } taken)
            {
                return null;
            }

            var broken = new List<string>();
            var duplicateBuyers = Orders.GroupBy(o => o.UserId).Count(g => g.Count() > 1);
            if (duplicateBuyers > 0)
            {
                broken.Add($"{duplicateBuyers} user(s) hold two orders");
            }

            if (Orders.Count > Stock)
            {
                broken.Add($"{Orders.Count - Stock} oversold");
            }

            if (Safe && Orders.Count != taken)
            {
                broken.Add($"orders {Orders.Count} ≠ stock−remaining {taken}");
            }

            return broken;
        }
    }

    /// <summary>
    /// Every server recovered after the load and, for a safe strategy, its invariants held, its history passed the checker
    /// and no health probe went unanswered for <see cref="HealthProbe.Timeout"/> during the load. An unsafe strategy is
    /// expected to race, so only its aftermath on the servers' health is judged.
    /// </summary>
    public bool Passed => HealthyAfterLoad && (!Safe || (BrokenInvariants is [] && History is { IsValid: true } && HealthDuringLoad.TimedOut == 0));
}
