namespace TicketRush.UnitTests.Rush;

/// <summary>Verdicts as a Markdown table.</summary>
public sealed class RushTableTests
{
    private static RushVerdict Verdict(string strategy) =>
        new(strategy, ServerCount: 1, Stock: 1,
            new TicketResponse(1, "rush", 1, 0, 1, strategy),
            [new OrderResponse(1, 1, 1, DateTimeOffset.UnixEpoch, "api-0", strategy)],
            [new RushAttempt(1, 0, 201, null, null, "api-0", TimeSpan.FromMilliseconds(3))],
            TimeSpan.FromSeconds(1));

    [Fact]
    public void One_row_per_verdict_under_a_header_and_separator()
    {
        var lines = RushTable.ToMarkdown([Verdict(StrategyNames.Atomic), Verdict(StrategyNames.Optimistic), Verdict(StrategyNames.RedLock)])
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2 + 3, lines.Length);
        Assert.StartsWith("| strategy |", lines[0]);
        Assert.StartsWith("|---|", lines[1]);
        Assert.StartsWith("| atomic |", lines[2]);
        Assert.StartsWith("| optimistic |", lines[3]);
        Assert.StartsWith("| redlock |", lines[4]);
    }

    [Fact]
    public void Every_row_has_as_many_cells_as_the_header()
    {
        var lines = RushTable.ToMarkdown([Verdict(StrategyNames.Atomic), Verdict(StrategyNames.Lock)])
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        var headerCells = lines[0].Count(c => c == '|');
        Assert.All(lines, line => Assert.Equal(headerCells, line.Count(c => c == '|')));
    }

    [Fact]
    public void No_verdicts_is_a_header_only()
    {
        var lines = RushTable.ToMarkdown([]).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Histories_are_one_checker_table_per_verdict_that_has_one()
    {
        var verdict = Verdict(StrategyNames.Atomic);
        var judged = verdict with
        {
            History = TicketRush.Rush.History.HistoryChecker.Check(
                [new(1, null, "server-1", TimeSpan.Zero, TimeSpan.FromMilliseconds(3), 201, null, OrderId: 1)], verdict.After, verdict.Orders),
        };

        var text = RushTable.HistoriesToMarkdown([verdict, judged]);

        Assert.Single(text.Split(Environment.NewLine), line => line.StartsWith("**atomic**", StringComparison.Ordinal));
        Assert.Contains("| C6 |", text);
        Assert.EndsWith("| ok |", RushTable.ToMarkdown([judged]).TrimEnd());
    }
}
