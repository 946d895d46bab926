using Microsoft.AspNetCore.Http;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Orders;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Orders;

/// <summary>Every purchase outcome but a sale answers with its own status code and stable <c>code</c>.</summary>
public sealed class OrderProblemsTests
{
    private static readonly PurchaseCommand Command = new(TicketId: 17, UserId: 42);
    private static readonly string[] Strategies = [StrategyNames.Atomic, StrategyNames.Optimistic];

    private static readonly Dictionary<PurchaseStatus, (int Status, string Code)> Expected = new()
    {
        [PurchaseStatus.SoldOut] = (StatusCodes.Status409Conflict, "sold-out"),
        [PurchaseStatus.AlreadyPurchased] = (StatusCodes.Status409Conflict, "already-purchased"),
        [PurchaseStatus.TicketNotFound] = (StatusCodes.Status404NotFound, "ticket-not-found"),
        [PurchaseStatus.UnknownStrategy] = (StatusCodes.Status400BadRequest, "unknown-strategy"),
        [PurchaseStatus.StrategyMismatch] = (StatusCodes.Status409Conflict, "strategy-mismatch"),
        [PurchaseStatus.Unavailable] = (StatusCodes.Status503ServiceUnavailable, "dependency-unavailable"),
        [PurchaseStatus.OutcomeUnknown] = (StatusCodes.Status503ServiceUnavailable, "outcome-unknown"),
        [PurchaseStatus.InProgress] = (StatusCodes.Status409Conflict, "purchase-in-progress"),
    };

    // By name: PurchaseStatus is internal to the API, and a public test method cannot take it.
    public static TheoryData<string> EveryStatus => new(Enum.GetNames<PurchaseStatus>());

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_status_but_Sold_maps_to_its_status_code_and_problem_code(string name)
    {
        var status = Enum.Parse<PurchaseStatus>(name);
        if (status == PurchaseStatus.Sold)
        {
            Assert.Throws<ArgumentException>(() => OrderProblems.For(new PurchaseOutcome(status), Command, Strategies));
            return;
        }

        Assert.True(Expected.TryGetValue(status, out var expected),
            $"PurchaseStatus.{status} has no expected problem here: decide its status code and code, then add it to this table.");

        var problem = OrderProblems.For(new PurchaseOutcome(status, Reason: "some-strategy"), Command, Strategies);

        Assert.Equal(expected.Status, problem.StatusCode);
        Assert.Equal(expected.Status, problem.ProblemDetails.Status);
        Assert.Equal(expected.Code, problem.ProblemDetails.Extensions[Problem.CodeExtension]);
    }

    [Fact]
    public void Unavailable_without_a_reason_says_the_deadline_passed()
    {
        var problem = OrderProblems.For(new PurchaseOutcome(PurchaseStatus.Unavailable), Command, Strategies);

        Assert.Contains(UnavailableReasons.Deadline, problem.ProblemDetails.Detail);
    }

    [Fact]
    public void Unavailable_detail_carries_the_general_reason()
    {
        var problem = OrderProblems.For(PurchaseOutcome.Unavailable(UnavailableReasons.Redis), Command, Strategies);

        Assert.Contains(UnavailableReasons.Redis, problem.ProblemDetails.Detail);
    }

    [Fact]
    public void Unknown_strategy_lists_the_known_strategies()
    {
        var problem = OrderProblems.For(PurchaseOutcome.UnknownStrategy("quantum"), Command, Strategies);

        Assert.Contains("quantum", problem.ProblemDetails.Detail);
        Assert.Contains("atomic, optimistic", problem.ProblemDetails.Detail);
    }
}
