using TicketRush.Api.Purchasing.RedisStock;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Beyond the study: a Redis Lua script admits at most the stock's worth of buyers, once each, so rejections
/// never touch MySQL. Only winners write to MySQL — with the conditional decrement as a last guard — and a
/// failed write gives the reservation back, so no ticket is lost.
/// </summary>
public sealed class RedisCounterPurchase(RedisStockCounter counter, OrderBook orders) : IPurchaseStrategy
{
    public StrategyDescriptor Descriptor { get; } = new(
        "redis-counter", "beyond",
        "Redis Lua script rejects repeat buyers and decrements a stock counter atomically; only winners write to MySQL, failed writes give the reservation back.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        var reservation = await counter.ReserveAsync(command);
        if (reservation == Reservation.NotSeeded)
        {
            if (!await counter.SeedFromDatabaseAsync(command.TicketId, cancellationToken))
            {
                return PurchaseOutcome.TicketNotFound;
            }

            reservation = await counter.ReserveAsync(command);
        }

        return reservation switch
        {
            Reservation.Reserved => await WriteOrderAsync(command, cancellationToken),
            Reservation.AlreadyBought => PurchaseOutcome.AlreadyPurchased,
            _ => PurchaseOutcome.SoldOut,
        };
    }

    private async Task<PurchaseOutcome> WriteOrderAsync(PurchaseCommand command, CancellationToken cancellationToken)
    {
        PurchaseOutcome outcome;
        try
        {
            outcome = await orders.InTransactionAsync(
                (db, token) => orders.DecrementThenSaveAsync(db, command, Descriptor.Name, token),
                cancellationToken);
        }
        catch
        {
            await counter.ReleaseAsync(command, keepBuyer: false);
            throw;
        }

        switch (outcome.Status)
        {
            case PurchaseStatus.Sold:
                break;
            case PurchaseStatus.SoldOut:
                await counter.MarkSoldOutAsync(command);
                break;
            default:
                await counter.ReleaseAsync(command, keepBuyer: outcome.Status == PurchaseStatus.AlreadyPurchased);
                break;
        }

        return outcome;
    }
}
