using System.Diagnostics;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Catalog;
using TicketRush.Api.Dependencies;
using TicketRush.Api.Logging;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing;

/// <summary>
/// Runs one purchase: finds the ticket's sale, refuses a buyer's attempt to pick another strategy, and runs the
/// ticket's own strategy inside the purchase span and deadline.
/// </summary>
/// <remarks>
/// A purchase does not stop when its buyer disconnects: once started it commits or rolls back within its deadline.
/// Cancelling it midway would only turn a clean answer into an unknown one.
/// </remarks>
internal sealed partial class PurchaseService(
    SaleCatalog sales,
    PurchaseStrategyCatalog strategies,
    PurchaseTelemetry telemetry,
    IOptions<PurchaseOptions> options,
    TimeProvider time,
    ILogger<PurchaseService> logger)
{
    private readonly FailureLogThrottle _failureLog = new(time, options.Value.FailureLogInterval);

    /// <param name="requestedStrategy">The lab's <c>?strategy=</c>: accepted only when it names the ticket's own strategy.</param>
    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, string? requestedStrategy)
    {
        if (requestedStrategy is not null && !strategies.TryGet(requestedStrategy, out _))
        {
            return PurchaseOutcome.UnknownStrategy(requestedStrategy);
        }

        using var activity = telemetry.StartPurchase(command);
        var started = time.GetTimestamp();
        using var lookup = new CancellationTokenSource(options.Value.Deadline, time);
        string? strategyName = null;
        PurchaseOutcome outcome;
        try
        {
            var sale = await sales.FindAsync(command.TicketId, lookup.Token);
            strategyName = sale?.Strategy;
            outcome = sale is null
                ? PurchaseOutcome.TicketNotFound
                : await SellAsync(strategies.Get(sale.Strategy), sale, command, requestedStrategy, activity);
            if (outcome.StockExhausted)
            {
                sale!.MarkSoldOut();
            }
        }
        catch (Exception exception) when (DependencyFailure.Describe(exception, lookup.IsCancellationRequested) is { } reason)
        {
            LogUnavailable(exception, command, strategyName);
            outcome = PurchaseOutcome.Unavailable(reason);
        }

        telemetry.RecordOutcome(activity, strategyName, outcome, time.GetElapsedTime(started));
        return outcome;
    }

    private async Task<PurchaseOutcome> SellAsync(
        IPurchaseStrategy strategy, Sale sale, PurchaseCommand command, string? requestedStrategy, Activity? activity)
    {
        if (requestedStrategy is not null && !string.Equals(requestedStrategy, sale.Strategy, StringComparison.OrdinalIgnoreCase))
        {
            return PurchaseOutcome.StrategyMismatch(sale.Strategy);
        }

        PurchaseTelemetry.NameStrategy(activity, strategy.Descriptor.Name);
        if (strategy.Descriptor.SafeAcrossServers && sale.IsKnownSoldOut)
        {
            PurchaseTelemetry.MarkAnsweredFromMemory(activity);
            return PurchaseOutcome.SoldOut;
        }

        using var deadline = new PurchaseDeadline(options.Value.DeadlineOf(strategy), time);
        var purchase = new Purchase(command, sale, deadline);
        for (var conflicts = 0; ; conflicts++)
        {
            try
            {
                return await strategy.PurchaseAsync(purchase, deadline.Token);
            }
            catch (MySqlException exception) when (MySqlConflict.Is(exception) && conflicts < options.Value.ConflictRetries && !deadline.HasPassed)
            {
                // A deadlock victim or a snapshot conflict wrote nothing: the whole attempt runs again.
                activity?.AddEvent(new ActivityEvent("conflict-retry"));
            }
            catch (Exception exception) when (DependencyFailure.Describe(exception, deadline.HasPassed) is { } reason)
            {
                LogUnavailable(exception, command, strategy.Descriptor.Name);
                return PurchaseOutcome.Unavailable(reason);
            }
        }
    }

    /// <summary>One warning with its stack trace per strategy and kind of failure per interval; the rest are counted into the next.</summary>
    private void LogUnavailable(Exception exception, PurchaseCommand command, string? strategy)
    {
        if (_failureLog.ShouldLog($"{strategy}/{exception.GetType().FullName}", out var suppressed))
        {
            Unavailable(logger, exception, command.TicketId, command.UserId, strategy, suppressed);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Purchase of ticket {TicketId} by user {UserId} with {Strategy} failed: a dependency is unavailable or the deadline passed ({Suppressed} more failed the same way since the last such entry)")]
    private static partial void Unavailable(ILogger logger, Exception exception, long ticketId, long userId, string? strategy, int suppressed);
}
