using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketRush.Api.Telemetry;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Level 2, optimistic: the write succeeds only if the ticket's version is still the one read
/// (EF Core concurrency token). On a conflict, reload and retry with jittered exponential backoff
/// until sold, sold out, or the deadline.
/// </summary>
public sealed class OptimisticLockPurchase(
    OrderBook orders,
    RaceWindow raceWindow,
    PurchaseTelemetry telemetry,
    IOptions<OptimisticOptions> options,
    TimeProvider time) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "optimistic", "2",
        "Version column as concurrency token; on conflict reload and retry with jittered backoff until sold, sold out or a deadline.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        for (var conflicts = 0; ; conflicts++)
        {
            if (await TryOnceAsync(command, cancellationToken) is { } outcome)
            {
                telemetry.RecordRetries(Descriptor.Name, conflicts);
                return outcome;
            }

            if (time.GetElapsedTime(started) >= settings.Deadline)
            {
                telemetry.RecordRetries(Descriptor.Name, conflicts + 1);
                return PurchaseOutcome.Unavailable($"still conflicting after {conflicts + 1} attempts");
            }

            await Task.Delay(Backoff(settings, conflicts), time, cancellationToken);
        }
    }

    /// <summary>One read–check–write; null when another buyer changed the ticket in between.</summary>
    private async Task<PurchaseOutcome?> TryOnceAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await orders.InTransactionAsync(async (db, token) =>
            {
                var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == command.TicketId, token);
                if (ticket is null)
                {
                    return PurchaseOutcome.TicketNotFound;
                }

                if (ticket.RemainingStock <= 0)
                {
                    return PurchaseOutcome.SoldOut;
                }

                await raceWindow.PauseAsync(token);
                ticket.RemainingStock--;
                ticket.Version++;

                // The version-checked UPDATE goes first: the order's foreign key would otherwise take a shared
                // lock on the ticket row before the UPDATE asks for an exclusive one, and two buyers deadlock.
                await db.SaveChangesAsync(token);
                return await OrderBook.SaveOrderAsync(db, orders.NewOrder(command, Descriptor.Name), token);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    private static TimeSpan Backoff(OptimisticOptions settings, int conflicts)
    {
        var ceiling = settings.BaseBackoff * Math.Pow(2, Math.Min(conflicts, settings.MaxBackoffDoublings));
        return (ceiling < settings.MaxBackoff ? ceiling : settings.MaxBackoff) * Random.Shared.NextDouble();
    }
}
