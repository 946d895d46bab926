namespace TicketRush.UnitTests.Rush;

/// <summary>What a rush did, counted from hand-built attempts, orders and the ticket read back.</summary>
public sealed class RushVerdictTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static RushAttempt Attempt(long userId, int status, string? code = null) =>
        new(userId, ServerIndex: 0, status, code, Detail: null, ServedBy: "api-0", TimeSpan.FromMilliseconds(userId));

    private static OrderResponse Order(long id, long userId, string servedBy = "api-0") =>
        new(id, TicketId: 1, userId, At, servedBy, StrategyNames.Atomic);

    private static RushVerdict Verdict(int stock, int remaining, IReadOnlyList<OrderResponse> orders, IReadOnlyList<RushAttempt> attempts, int? orderCount = null) =>
        new(StrategyNames.Atomic, ServerCount: 2, stock,
            new TicketResponse(1, "rush", stock, remaining, orderCount ?? orders.Count, StrategyNames.Atomic),
            orders, attempts, TimeSpan.FromSeconds(2));

    [Fact]
    public void Count_by_status_and_code_counts_only_matching_attempts()
    {
        var verdict = Verdict(stock: 1, remaining: 0, [Order(1, 1)],
        [
            Attempt(1, 201),
            Attempt(2, 409, ProblemCodes.SoldOut),
            Attempt(3, 409, ProblemCodes.SoldOut),
            Attempt(4, 409, ProblemCodes.AlreadyPurchased),
            Attempt(5, 503, ProblemCodes.SoldOut),
        ]);

        Assert.Equal(2, verdict.Count(409, ProblemCodes.SoldOut));
        Assert.Equal(1, verdict.Count(409, ProblemCodes.AlreadyPurchased));
        Assert.Equal(3, verdict.Count(409));
        Assert.Equal(0, verdict.Count(404, ProblemCodes.TicketNotFound));
        Assert.Equal(1, verdict.Created);
    }

    [Fact]
    public void ServerErrors_are_5xx_and_unanswered_requests_but_not_4xx()
    {
        var verdict = Verdict(stock: 5, remaining: 5, [],
        [
            Attempt(1, 500, ProblemCodes.InternalError),
            Attempt(2, 503, ProblemCodes.DependencyUnavailable),
            Attempt(3, RushAttempt.TransportFailure, "transport-error"),
            Attempt(4, 409, ProblemCodes.SoldOut),
            Attempt(5, 404, ProblemCodes.TicketNotFound),
            Attempt(6, 201),
        ]);

        Assert.Equal(3, verdict.ServerErrors);
        Assert.False(verdict.IsExact);
    }

    [Fact]
    public void DuplicateBuyers_counts_users_holding_more_than_one_order()
    {
        var verdict = Verdict(stock: 10, remaining: 4,
        [
            Order(1, userId: 7), Order(2, userId: 7), Order(3, userId: 7),
            Order(4, userId: 8), Order(5, userId: 8),
            Order(6, userId: 9),
        ], []);

        Assert.Equal(2, verdict.DuplicateBuyers);
    }

    [Fact]
    public void Sold_is_the_order_count_read_back_with_the_ticket()
    {
        var verdict = Verdict(stock: 2, remaining: 0, [Order(1, 1), Order(2, 2), Order(3, 3)], [], orderCount: 3);

        Assert.Equal(3, verdict.Sold);
        Assert.Equal(1, verdict.Oversold);
        Assert.Equal(1, verdict.LostUpdates);
        Assert.False(verdict.IsExact);
    }

    [Fact]
    public void Exact_sell_out_is_exact()
    {
        var verdict = Verdict(stock: 2, remaining: 0, [Order(1, 1, "api-0"), Order(2, 2, "api-1")],
            [Attempt(1, 201), Attempt(2, 201), Attempt(3, 409, ProblemCodes.SoldOut)]);

        Assert.True(verdict.IsExact, verdict.ToString());
        Assert.Equal(new Dictionary<string, int> { ["api-0"] = 1, ["api-1"] = 1 }, verdict.SoldByServer);
    }

    [Fact]
    public void Stock_left_while_enough_buyers_came_is_undersold()
    {
        var verdict = Verdict(stock: 3, remaining: 2, [Order(1, 1)],
            [Attempt(1, 201), Attempt(2, 503, ProblemCodes.DependencyUnavailable), Attempt(3, 503, ProblemCodes.DependencyUnavailable)]);

        Assert.Equal(2, verdict.Undersold);
    }

    [Fact]
    public void A_history_violation_makes_an_otherwise_exact_rush_inexact()
    {
        var orders = new[] { Order(1, 1), Order(2, 2) };
        var ticket = new TicketResponse(1, "rush", 2, 0, 2, StrategyNames.Atomic);
        // Buyer 2 was only ever told "sold out", yet holds an order: a phantom sale the counts cannot see.
        var history = new[]
        {
            new TicketRush.Rush.History.PurchaseOperation(1, null, "server-1", TimeSpan.Zero, TimeSpan.FromMilliseconds(5), 201, null, OrderId: 1),
            new TicketRush.Rush.History.PurchaseOperation(2, null, "server-1", TimeSpan.Zero, TimeSpan.FromMilliseconds(5), 409, ProblemCodes.SoldOut),
        };
        var verdict = Verdict(stock: 2, remaining: 0, orders, [Attempt(1, 201), Attempt(2, 201)]) with
        {
            History = TicketRush.Rush.History.HistoryChecker.Check(history, ticket, orders),
        };

        Assert.False(verdict.IsExact);
        Assert.Equal("C3 ×1", verdict.History!.Summary);
        Assert.Contains("history: C3 ×1", verdict.ToString());
    }
}
