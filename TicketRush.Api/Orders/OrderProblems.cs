using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Orders;

/// <summary>The ProblemDetails of every purchase outcome that is not a sale.</summary>
internal static class OrderProblems
{
    public static ProblemHttpResult For(PurchaseOutcome outcome, PurchaseCommand command, IEnumerable<string> strategies) => outcome.Status switch
    {
        PurchaseStatus.SoldOut => Problem.SoldOut(command.TicketId),
        PurchaseStatus.AlreadyPurchased => Problem.AlreadyPurchased(command.TicketId, command.UserId),
        PurchaseStatus.TicketNotFound => Problem.TicketNotFound(command.TicketId),
        PurchaseStatus.UnknownStrategy => Problem.UnknownStrategy(outcome.Reason!, strategies),
        PurchaseStatus.StrategyMismatch => Problem.StrategyMismatch(command.TicketId, outcome.Reason!),
        PurchaseStatus.OutcomeUnknown => Problem.OutcomeUnknown(command.TicketId),
        PurchaseStatus.InProgress => Problem.PurchaseInProgress(command.TicketId, command.UserId),
        PurchaseStatus.Unavailable => Problem.Unavailable(outcome.Reason ?? UnavailableReasons.Deadline),
        PurchaseStatus.Sold => throw new ArgumentException("A sale is not a problem.", nameof(outcome)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Every purchase status needs its problem."),
    };
}
