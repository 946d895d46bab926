namespace TicketRush.Rush;

/// <summary>
/// Whether who bought follows who came first. <paramref name="FirstInLineServed"/> is the share of the first
/// <c>stock</c> arrivals who got a ticket (1 is first come, first served); <paramref name="WinnersOutOfLine"/> the buyers
/// who got one although <c>stock</c> others came before them; <paramref name="Inversions"/> the pairs of winners whose
/// purchases completed in the opposite order of their arrival, and <paramref name="KendallTau"/> the same as a
/// correlation (1: purchase order is arrival order, 0: unrelated).
/// </summary>
public sealed record Fairness(int Winners, double FirstInLineServed, int WinnersOutOfLine, long Inversions, double KendallTau)
{
    /// <param name="arrivals">Buyers in the order they came (joined the line, or were sent).</param>
    /// <param name="orders">The orders; a lower order id was inserted first.</param>
    public static Fairness Of(IReadOnlyList<long> arrivals, IReadOnlyList<OrderResponse> orders, int stock)
    {
        var rank = new Dictionary<long, int>();
        foreach (var user in arrivals)
        {
            rank.TryAdd(user, rank.Count);
        }

        var winners = orders.Where(o => rank.ContainsKey(o.UserId)).OrderBy(o => o.Id).Select(o => rank[o.UserId]).ToList();
        var firstInLine = Math.Min(stock, rank.Count);
        long inversions = 0;
        for (var i = 0; i < winners.Count; i++)
        {
            for (var j = i + 1; j < winners.Count; j++)
            {
                if (winners[i] > winners[j])
                {
                    inversions++;
                }
            }
        }

        var pairs = (long)winners.Count * (winners.Count - 1) / 2;
        return new Fairness(
            winners.Count,
            firstInLine == 0 ? 1 : (double)winners.Count(r => r < firstInLine) / firstInLine,
            winners.Count(r => r >= stock),
            inversions,
            pairs == 0 ? 1 : 1 - (2.0 * inversions / pairs));
    }
}
