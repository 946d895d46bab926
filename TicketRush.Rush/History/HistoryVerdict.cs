using System.Globalization;
using System.Text;

namespace TicketRush.Rush.History;

/// <summary>The checker's judgement of one history: C1–C6, and the figures a buyer would care about.</summary>
public sealed class HistoryVerdict
{
    /// <summary>At most this many offending buyers' histories are printed per check.</summary>
    public const int BuyersShownPerCheck = 10;

    private readonly Dictionary<long, List<PurchaseOperation>> _byBuyer;

    internal HistoryVerdict(IReadOnlyList<CheckResult> checks, IReadOnlyList<PurchaseOperation> history, Dictionary<long, List<PurchaseOperation>> byBuyer, bool faultsInjected)
    {
        Checks = checks;
        Attempts = history.Count;
        FaultsInjected = faultsInjected;
        _byBuyer = byBuyer;
        Buyers = byBuyer.Count;
        var undecided = byBuyer.Where(b => b.Value.All(a => !a.IsDefinite)).ToList();
        UndecidedKeyed = undecided.Count(b => b.Value.Any(a => a.Key is not null));
        UndecidedUnkeyed = undecided.Count - UndecidedKeyed;
        Retries = history.Count(a => a.Key is not null) - history.Where(a => a.Key is not null).Select(a => (a.Buyer, a.Key)).Distinct().Count();
        Unknown = history.Count(a => a.Answer == AnswerKind.Unknown);
        Slowest = history.MaxBy(a => a.Elapsed);
    }

    public IReadOnlyList<CheckResult> Checks { get; }

    public CheckResult this[string id] => Checks.Single(c => c.Id == id);

    /// <summary>True when no check failed (C5 under faults is a figure, not a failure).</summary>
    public bool IsValid => Checks.All(c => c.Passed);

    public bool FaultsInjected { get; }

    public int Buyers { get; }

    public int Attempts { get; }

    /// <summary>Keyed attempts after a key's first: answers that may not have happened, asked again.</summary>
    public int Retries { get; }

    /// <summary>Attempts whose answer left it open whether they sold.</summary>
    public int Unknown { get; }

    /// <summary>Keyed buyers whose every attempt ended without a definite answer.</summary>
    public int UndecidedKeyed { get; }

    /// <summary>Unkeyed buyers whose every attempt ended without a definite answer.</summary>
    public int UndecidedUnkeyed { get; }

    /// <summary>C5's count: orders sold to a request that came after someone was told "sold out".</summary>
    public int Inversions => this["C5"].Count;

    public PurchaseOperation? Slowest { get; }

    /// <summary>The failed checks in one cell: <c>ok</c>, or e.g. <c>C2 ×3, C5 ×1</c>.</summary>
    public string Summary =>
        Checks.Where(c => !c.Passed).ToList() is { Count: > 0 } failed
            ? string.Join(", ", failed.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Id} ×{c.Count}")))
            : "ok";

    /// <summary>The checks and the figures as a Markdown table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder().AppendLine("| check | rule | found | verdict |").AppendLine("|---|---|---|---|");
        foreach (var check in Checks)
        {
            var verdict = check.IsFigure ? "figure (faults)" : check.Passed ? "ok" : "VIOLATED";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {check.Id} | {check.Rule} | {check.Count} | {verdict} |");
        }

        var slowest = Slowest is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Slowest.Elapsed.TotalMilliseconds:F0} ms (buyer {Slowest.Buyer}, {Slowest.Status}{(Slowest.Code is null ? "" : $" {Slowest.Code}")})");
        return text
            .AppendLine(CultureInfo.InvariantCulture, $"| figures | buyers {Buyers}, attempts {Attempts}, retries {Retries}, ambiguous answers {Unknown} | without a definite answer: keyed {UndecidedKeyed}, unkeyed {UndecidedUnkeyed} | slowest answer {slowest} |")
            .ToString();
    }

    /// <summary>Every failed check's findings, each offending buyer's whole history beneath (up to <see cref="BuyersShownPerCheck"/>).</summary>
    public string DescribeViolations()
    {
        var text = new StringBuilder();
        foreach (var check in Checks.Where(c => c.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{check.Id} ({check.Rule}){(check.IsFigure ? ", reported as a figure" : "")}:");
            foreach (var finding in check.Findings.Take(BuyersShownPerCheck))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {finding}");
            }

            foreach (var buyer in check.Buyers.Take(BuyersShownPerCheck))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  history of buyer {buyer}:");
                foreach (var attempt in _byBuyer.GetValueOrDefault(buyer) ?? [])
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {attempt}");
                }
            }
        }

        return text.ToString();
    }

    public override string ToString() => IsValid && Checks.All(c => c.Count == 0) ? ToMarkdown() : ToMarkdown() + DescribeViolations();
}
