using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing;

/// <summary>Runs one purchase through the chosen strategy, inside its span, and turns a failing dependency into <see cref="PurchaseStatus.Unavailable"/>.</summary>
public sealed class PurchaseService(PurchaseTelemetry telemetry, TimeProvider time, ILogger<PurchaseService> logger)
{
    public async Task<PurchaseOutcome> PurchaseAsync(IPurchaseStrategy strategy, PurchaseCommand command, CancellationToken cancellationToken)
    {
        var name = strategy.Descriptor.Name;
        using var activity = telemetry.StartPurchase(name, command);
        var started = time.GetTimestamp();

        PurchaseOutcome outcome;
        try
        {
            outcome = await strategy.PurchaseAsync(command, cancellationToken);
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailable(exception))
        {
            logger.LogWarning(exception, "Purchase of ticket {TicketId} by user {UserId} with {Strategy} failed: a dependency is unavailable",
                command.TicketId, command.UserId, name);
            outcome = PurchaseOutcome.Unavailable(exception.GetBaseException().Message);
        }

        telemetry.RecordOutcome(activity, name, outcome, time.GetElapsedTime(started));
        return outcome;
    }
}
