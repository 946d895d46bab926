namespace TicketRush.Rush.History;

/// <summary>One of the checker's rules and what it found.</summary>
/// <param name="Id">C1 … C6.</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="Findings">One line per finding, naming the buyer when there is one.</param>
/// <param name="Buyers">The buyers whose histories explain the findings.</param>
/// <param name="IsFigure">True when findings are reported but do not fail the history (C5 under faults).</param>
public sealed record CheckResult(string Id, string Rule, IReadOnlyList<string> Findings, IReadOnlyList<long> Buyers, bool IsFigure = false)
{
    public int Count => Findings.Count;

    public bool Passed => IsFigure || Count == 0;
}
