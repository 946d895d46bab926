using TicketRush.Rush.History;
using TicketRush.Rush.Soak;

namespace TicketRush.UnitTests.Rush.Soak;

/// <summary>A soak round passes only when, for a safe strategy, the history checker passed it too.</summary>
public sealed class SoakResultTests
{
    private static readonly TicketResponse Ticket = new(1, "soak", TotalStock: 10, RemainingStock: 9, OrderCount: 1, "atomic");

    private static readonly OrderResponse Order = new(5, TicketId: 1, UserId: 1, DateTimeOffset.UnixEpoch, "api-1", "atomic");

    private static SoakResult Round(bool safe, IReadOnlyList<PurchaseOperation> history) => new(
        "atomic", safe, Stock: 10, new SoakRequests(history.Count, 0, 1, 0, 0, 0), new HealthSummary(10, 0, 0, TimeSpan.FromMilliseconds(5)),
        HealthyAfterLoad: true, Ticket, [Order], HistoryChecker.Check(history, Ticket, [Order], faultsInjected: true));

    private static PurchaseOperation Attempt(long buyer, int status, string? code = null, long? orderId = null) =>
        new(buyer, Key: null, "server-1", TimeSpan.Zero, TimeSpan.FromMilliseconds(10), status, code, orderId);

    [Fact]
    public void A_round_whose_every_answer_the_checker_explains_passes()
    {
        var round = Round(safe: true, [Attempt(1, 201, orderId: 5), Attempt(2, RushAttempt.TransportFailure, PurchaseOperation.TransportErrorCode)]);

        Assert.True(round.Passed, round.History!.ToString());
    }

    [Fact]
    public void A_safe_round_with_a_phantom_sale_fails_though_its_counts_add_up()
    {
        // Buyer 1 was only told "sold out", yet holds the order: the counts hold, the history does not.
        var round = Round(safe: true, [Attempt(1, 409, ProblemCodes.SoldOut)]);

        Assert.Empty(round.BrokenInvariants!);
        Assert.False(round.Passed);
        Assert.Contains("C3", SoakTable.ToMarkdown([round]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsafe_round_is_not_failed_by_the_checker()
    {
        var round = Round(safe: false, [Attempt(1, 409, ProblemCodes.SoldOut)]);

        Assert.True(round.Passed);
        Assert.Contains("(unsafe: not judged)", SoakTable.ToMarkdown([round]), StringComparison.Ordinal);
    }
}
