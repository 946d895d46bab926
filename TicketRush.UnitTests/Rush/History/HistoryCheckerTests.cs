using TicketRush.Rush.History;

namespace TicketRush.UnitTests.Rush.History;

/// <summary>The checker fed hand-made histories: every violation kind is caught, and ambiguity is judged soundly.</summary>
public sealed class HistoryCheckerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static PurchaseOperation Op(long buyer, int startMs, int endMs, int status, string? code = null, long? orderId = null, string? key = null, bool replayed = false) =>
        new(buyer, key, "api-1", TimeSpan.FromMilliseconds(startMs), TimeSpan.FromMilliseconds(endMs), status, code, orderId, Replayed: replayed);

    private static PurchaseOperation Sold(long buyer, long orderId, int startMs = 0, int endMs = 10, string? key = null, bool replayed = false) =>
        Op(buyer, startMs, endMs, 201, orderId: orderId, key: key, replayed: replayed);

    private static PurchaseOperation SoldOut(long buyer, int startMs = 0, int endMs = 10, string? key = null) => Op(buyer, startMs, endMs, 409, ProblemCodes.SoldOut, key: key);

    private static PurchaseOperation AlreadyPurchased(long buyer, int startMs = 0, int endMs = 10, string? key = null) => Op(buyer, startMs, endMs, 409, ProblemCodes.AlreadyPurchased, key: key);

    private static PurchaseOperation NoResponse(long buyer, int startMs = 0, int endMs = 10, string? key = null) =>
        Op(buyer, startMs, endMs, RushAttempt.TransportFailure, PurchaseOperation.TransportErrorCode, key: key);

    private static OrderResponse Order(long id, long buyer) => new(id, TicketId: 1, buyer, At, "api-1", StrategyNames.Atomic);

    private static HistoryVerdict Check(int stock, IReadOnlyList<PurchaseOperation> history, IReadOnlyList<OrderResponse> orders, int? remaining = null, int? orderCount = null, bool faults = false) =>
        HistoryChecker.Check(history, new TicketResponse(1, "t", stock, remaining ?? stock - orders.Count, orderCount ?? orders.Count, StrategyNames.Atomic), orders, faults);

    private static void AssertOnly(HistoryVerdict verdict, string id)
    {
        Assert.False(verdict.IsValid, verdict.ToString());
        Assert.True(verdict[id].Count > 0, verdict.ToString());
        Assert.All(verdict.Checks.Where(c => c.Id != id), c => Assert.True(c.Count == 0, $"only {id} fails: {verdict}"));
    }

    [Fact]
    public void A_clean_sell_out_passes_every_check()
    {
        var verdict = Check(stock: 2, [Sold(1, 11), Sold(2, 12), SoldOut(3, 5, 20), SoldOut(4, 6, 21)], [Order(11, 1), Order(12, 2)]);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.All(verdict.Checks, c => Assert.Equal(0, c.Count));
        Assert.Equal("ok", verdict.Summary);
    }

    [Fact]
    public void An_order_read_twice_by_a_paged_read_counts_once()
    {
        var verdict = Check(stock: 2, [Sold(1, 11), Sold(2, 12), SoldOut(3, 5, 20)], [Order(11, 1), Order(12, 2), Order(12, 2)], remaining: 0, orderCount: 2);

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public void C1_orders_and_remaining_that_do_not_add_up_to_the_stock_are_a_lost_update()
    {
        AssertOnly(Check(stock: 3, [Sold(1, 11), Sold(2, 12)], [Order(11, 1), Order(12, 2)], remaining: 2), "C1");
    }

    [Fact]
    public void C1_more_orders_than_stock_is_an_oversell()
    {
        var verdict = Check(stock: 1, [Sold(1, 11), Sold(2, 12)], [Order(11, 1), Order(12, 2)], remaining: 0);

        Assert.Contains(verdict["C1"].Findings, f => f.Contains("2 orders for a stock of 1"));
    }

    [Fact]
    public void C1_stock_left_while_twice_the_stock_came_is_a_leak()
    {
        AssertOnly(Check(stock: 2, [Sold(1, 11), SoldOut(2), SoldOut(3), SoldOut(4)], [Order(11, 1)]), "C1");
    }

    [Fact]
    public void C1_stock_left_with_fewer_than_twice_the_stock_in_demand_is_no_leak()
    {
        Assert.True(Check(stock: 2, [Sold(1, 11), Op(2, 0, 10, 503, ProblemCodes.DependencyUnavailable), SoldOut(3)], [Order(11, 1)]).IsValid);
    }

    [Fact]
    public void C1_an_order_the_ticket_does_not_count_is_caught()
    {
        AssertOnly(Check(stock: 5, [Sold(1, 11)], [Order(11, 1)], remaining: 4, orderCount: 2), "C1");
    }

    [Fact]
    public void C2_a_201_without_its_order_is_a_lost_sale()
    {
        AssertOnly(Check(stock: 5, [Sold(1, 11), Sold(2, 12)], [Order(11, 1)]), "C2");
    }

    [Fact]
    public void C2_a_201_naming_another_buyers_order_is_caught()
    {
        var verdict = Check(stock: 5, [Sold(1, 11), Sold(2, 11), NoResponse(2)], [Order(11, 1), Order(12, 2)]);

        AssertOnly(verdict, "C2");
        Assert.Contains("belongs to buyer 1", verdict["C2"].Findings.Single());
    }

    [Fact]
    public void C2_already_purchased_to_a_buyer_who_holds_no_order_is_caught()
    {
        // The fault run's finding: a keyed buyer's retry told already-purchased, and no order anywhere.
        var verdict = Check(stock: 5, [NoResponse(1, 0, 10, key: "k1"), AlreadyPurchased(1, 20, 30, key: "k1")], []);

        AssertOnly(verdict, "C2");
        Assert.Contains("history of buyer 1", verdict.DescribeViolations());
        Assert.Contains(ProblemCodes.AlreadyPurchased, verdict.DescribeViolations());
    }

    [Fact]
    public void C3_an_order_whose_buyer_was_only_refused_is_a_phantom_sale()
    {
        AssertOnly(Check(stock: 3, [Sold(1, 11), SoldOut(2, 0, 5), Op(2, 6, 8, 503, ProblemCodes.DependencyUnavailable) with { Status = 429, Code = ProblemCodes.RateLimited }], [Order(11, 1), Order(12, 2)]), "C3");
    }

    [Fact]
    public void C3_an_order_of_a_buyer_who_never_asked_is_a_phantom_sale()
    {
        AssertOnly(Check(stock: 3, [Sold(1, 11)], [Order(11, 1), Order(12, 9)]), "C3");
    }

    [Fact]
    public void C4_two_orders_for_one_buyer_are_caught()
    {
        var verdict = Check(stock: 3, [Sold(1, 11), Sold(1, 12)], [Order(11, 1), Order(12, 1)]);

        Assert.False(verdict.IsValid);
        Assert.Contains("buyer 1 holds 2 orders", verdict["C4"].Findings.Single());
    }

    [Fact]
    public void C5_a_sale_to_a_request_that_started_after_a_sold_out_answer_is_an_inversion()
    {
        var verdict = Check(stock: 2, [Sold(1, 11, 0, 10), SoldOut(2, 0, 20), Sold(3, 12, startMs: 25, endMs: 30)], [Order(11, 1), Order(12, 3)]);

        AssertOnly(verdict, "C5");
        Assert.Equal(1, verdict.Inversions);
        Assert.Equal([3L, 2L], verdict["C5"].Buyers);
    }

    [Fact]
    public void C5_under_faults_is_a_figure_not_a_failure()
    {
        var verdict = Check(stock: 2, [Sold(1, 11, 0, 10), SoldOut(2, 0, 20), Sold(3, 12, startMs: 25, endMs: 30)], [Order(11, 1), Order(12, 3)], faults: true);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(1, verdict.Inversions);
        Assert.Contains("figure (faults)", verdict.ToMarkdown());
    }

    [Fact]
    public void C5_a_request_in_flight_when_sold_out_was_answered_may_still_buy()
    {
        // Started before the sold-out answer completed: it may have been decided first.
        Assert.True(Check(stock: 2, [Sold(1, 11), SoldOut(2, 0, 20), Sold(3, 12, startMs: 19, endMs: 40)], [Order(11, 1), Order(12, 3)]).IsValid);
    }

    [Fact]
    public void C5_a_keyed_retry_answered_after_sold_out_replays_a_sale_its_first_attempt_made_earlier()
    {
        var history = new[]
        {
            Sold(1, 11),
            NoResponse(3, 0, 15, key: "k3"),
            SoldOut(2, 0, 20),
            Sold(3, 12, startMs: 30, endMs: 35, key: "k3", replayed: true),
        };

        Assert.True(Check(stock: 2, history, [Order(11, 1), Order(12, 3)]).IsValid);
    }

    [Fact]
    public void C5_an_unkeyed_201_places_the_sale_even_when_an_earlier_attempt_was_ambiguous()
    {
        var history = new[] { Sold(1, 11), NoResponse(3, 0, 5), SoldOut(2, 0, 20), Sold(3, 12, startMs: 30, endMs: 35) };

        AssertOnly(Check(stock: 2, history, [Order(11, 1), Order(12, 3)]), "C5");
    }

    [Fact]
    public void C6_one_key_told_two_order_ids_is_caught()
    {
        var history = new[] { Sold(1, 11, key: "k1"), Sold(1, 12, 20, 30, key: "k1") };

        var verdict = Check(stock: 5, history, [Order(11, 1), Order(12, 1)]);

        Assert.Contains("answered with orders 11 and 12", verdict["C6"].Findings.Single());
    }

    [Fact]
    public void C6_one_key_told_bought_and_sold_out_is_caught()
    {
        var history = new[] { Sold(1, 11, key: "k1"), SoldOut(1, 20, 30, key: "k1") };

        AssertOnly(Check(stock: 5, history, [Order(11, 1)]), "C6");
    }

    [Fact]
    public void C6_a_key_told_sold_out_after_its_ambiguous_first_attempt_sold_is_caught()
    {
        // The first attempt sold but its answer was lost; the retry ran again and said sold out.
        var history = new[] { NoResponse(1, 0, 10, key: "k1"), SoldOut(1, 20, 30, key: "k1") };

        AssertOnly(Check(stock: 1, history, [Order(11, 1)]), "C6");
    }

    [Fact]
    public void An_ambiguous_attempt_that_sold_is_accepted()
    {
        var history = new[] { Sold(1, 11), NoResponse(2), Op(3, 0, 10, 503, ProblemCodes.OutcomeUnknown), SoldOut(4, 50, 60) };

        var verdict = Check(stock: 3, history, [Order(11, 1), Order(12, 2), Order(13, 3)]);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verdict.UndecidedUnkeyed);
    }

    [Fact]
    public void An_ambiguous_attempt_that_did_not_sell_is_accepted()
    {
        var history = new[] { Sold(1, 11), NoResponse(2, key: "k2"), Op(3, 0, 10, 409, ProblemCodes.IdempotencyInProgress, key: "k3") };

        var verdict = Check(stock: 3, history, [Order(11, 1)]);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verdict.UndecidedKeyed);
        Assert.Equal(0, verdict.UndecidedUnkeyed);
    }

    [Fact]
    public void A_repeat_buyer_refused_on_one_request_and_sold_on_another_is_consistent()
    {
        var history = new[] { Sold(1, 11, key: "a"), AlreadyPurchased(1, 5, 15, key: "b"), SoldOut(1, 20, 30, key: "c"), NoResponse(2, key: "d"), SoldOut(2, 20, 30, key: "e") };

        var verdict = Check(stock: 2, history, [Order(11, 1), Order(12, 2)]);

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public void Retries_and_the_slowest_answer_are_reported()
    {
        var history = new[] { NoResponse(1, 0, 10, key: "k1"), Op(1, 20, 900, 409, ProblemCodes.IdempotencyInProgress, key: "k1"), Sold(1, 11, 950, 960, key: "k1", replayed: true) };

        var verdict = Check(stock: 1, history, [Order(11, 1)]);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(2, verdict.Retries);
        Assert.Equal(880, verdict.Slowest!.Elapsed.TotalMilliseconds);
        Assert.Contains("slowest answer 880 ms", verdict.ToMarkdown());
    }

    [Theory]
    [InlineData(201, null, AnswerKind.Sold)]
    [InlineData(409, ProblemCodes.AlreadyPurchased, AnswerKind.AlreadyPurchased)]
    [InlineData(409, ProblemCodes.SoldOut, AnswerKind.SoldOut)]
    [InlineData(409, ProblemCodes.IdempotencyInProgress, AnswerKind.Unknown)]
    [InlineData(409, ProblemCodes.PurchaseInProgress, AnswerKind.Unknown)]
    [InlineData(409, ProblemCodes.StrategyMismatch, AnswerKind.Refused)]
    [InlineData(422, ProblemCodes.IdempotencyKeyReused, AnswerKind.Refused)]
    [InlineData(404, ProblemCodes.TicketNotFound, AnswerKind.Refused)]
    [InlineData(429, ProblemCodes.RateLimited, AnswerKind.Turned)]
    [InlineData(403, ProblemCodes.NotAdmitted, AnswerKind.Turned)]
    [InlineData(409, "line-expired", AnswerKind.Turned)]
    [InlineData(503, ProblemCodes.DependencyUnavailable, AnswerKind.Unknown)]
    [InlineData(503, ProblemCodes.OutcomeUnknown, AnswerKind.Unknown)]
    [InlineData(502, ProblemCodes.BadGateway, AnswerKind.Unknown)]
    [InlineData(500, ProblemCodes.InternalError, AnswerKind.Unknown)]
    [InlineData(RushAttempt.TransportFailure, "transport-error", AnswerKind.Unknown)]
    public void Each_answer_is_classified_by_what_it_says_about_the_sale(int status, string? code, AnswerKind expected)
    {
        Assert.Equal(expected, Op(1, 0, 1, status, code).Answer);
    }
}
