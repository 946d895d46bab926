using TicketRush.Api.Dependencies;
using Microsoft.Extensions.Options;
using TicketRush.Api.Catalog;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Beyond the study: a Redis Lua script admits at most the stock's worth of buyers, once each, so rejections never
/// touch MySQL. Only winners write to MySQL, with the conditional decrement as the last guard. Every reservation is
/// settled against MySQL: by the purchase itself, or, if it died, by any server once its lease runs out.
/// </summary>
internal sealed class RedisCounterPurchase(
    RedisStockCounter counter,
    SaleCatalog sales,
    SaleTransactionFactory transactions,
    IOptions<RedisCounterOptions> options,
    TimeProvider time) : IPurchaseStrategy<RedisCounterPurchase>
{
    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.RedisCounter, "beyond",
        "Redis Lua script rejects repeat buyers and reserves stock atomically; only winners write to MySQL; reservations not settled within their lease are given back by any server.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var leaseId = RedisStockCounter.NewLeaseId();
        var reservation = await counter.ReserveAsync(purchase.Command, leaseId, cancellationToken);
        if (reservation == Reservation.NotSeeded)
        {
            if (!await counter.SeedOnceAsync(purchase.TicketId, cancellationToken))
            {
                return PurchaseOutcome.TicketNotFound;
            }

            reservation = await counter.ReserveAsync(purchase.Command, leaseId, cancellationToken);
        }

        return reservation switch
        {
            // Another server is still seeding the counter: nothing is known about the stock yet, least of all "sold out".
            Reservation.NotSeeded => PurchaseOutcome.Unavailable(UnavailableReasons.Redis),
            Reservation.Reserved => await WriteOrderAsync(purchase, leaseId, cancellationToken),
            Reservation.AlreadyBought => PurchaseOutcome.AlreadyPurchased,
            Reservation.Pending => await PendingAsync(purchase, cancellationToken),
            _ => SoldOut(purchase.Sale),
        };
    }

    /// <summary>
    /// The buyer's earlier reservation is unsettled (its purchase still runs, or failed before Redis heard): they hold
    /// a ticket only if MySQL says so. Otherwise the answer is "ask again", never "you already bought".
    /// </summary>
    private async Task<PurchaseOutcome> PendingAsync(Purchase purchase, CancellationToken cancellationToken) =>
        await counter.HoldsOrderAsync(purchase.Command, cancellationToken)
            ? PurchaseOutcome.AlreadyPurchased
            : PurchaseOutcome.InProgress;

    private PurchaseOutcome SoldOut(Sale sale)
    {
        sales.CheckSoldOutInBackground(sale);
        return PurchaseOutcome.SoldOut;
    }

    public Task PrepareSaleAsync(long ticketId, int stock, CancellationToken cancellationToken) =>
        counter.SeedAsync(ticketId, stock, [], cancellationToken);

    private async Task<PurchaseOutcome> WriteOrderAsync(Purchase purchase, string leaseId, CancellationToken cancellationToken)
    {
        PurchaseOutcome outcome;
        try
        {
            outcome = await DecrementHoldingTheReservationAsync(purchase, cancellationToken);
        }
        catch
        {
            // Nothing was committed: an unacknowledged commit comes back verified, not thrown.
            await SettleAsync(token => counter.GiveBackAsync(purchase.Command, leaseId, keepBuyer: false, token));
            throw;
        }

        switch (outcome.Status)
        {
            case PurchaseStatus.Sold:
                await SettleAsync(token => counter.ConfirmAsync(purchase.Command, leaseId, token));
                break;
            case PurchaseStatus.SoldOut:
                await SettleAsync(token => counter.MarkSoldOutAsync(purchase.Command, leaseId, token));
                break;
            case PurchaseStatus.OutcomeUnknown:
                // Neither given back nor confirmed: when the lease runs out, MySQL will say which.
                break;
            default:
                await SettleAsync(token => counter.GiveBackAsync(purchase.Command, leaseId, outcome.Status == PurchaseStatus.AlreadyPurchased, token));
                break;
        }

        return outcome;
    }

    /// <summary>
    /// The conditional decrement, written again after a conflict for as long as the deadline allows, the reservation kept
    /// meanwhile. The reservation is this buyer's right to one ticket; a conflict only means another winner's commit came
    /// first (on Galera, on the same row from another node: a certification failure, 1213). Giving the reservation back
    /// and starting over would let the buyers behind be told sold-out while it is away, and selling stop short of the stock.
    /// </summary>
    private async Task<PurchaseOutcome> DecrementHoldingTheReservationAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            try
            {
                await using var sale = await transactions.OpenAsync(purchase, cancellationToken);
                return await sale.CommitConditionalDecrementAsync(cancellationToken);
            }
            catch (MySqlConnector.MySqlException exception) when (MySqlConflict.Is(exception) && !purchase.Deadline.HasPassed)
            {
                // Winners colliding on one row spread out (full jitter, a ceiling doubling up to 16 ms) instead of colliding again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * (1 << Math.Min(conflicts, 4))), time, cancellationToken);
            }
        }
    }

    /// <summary>Settles on a clock of its own, since the purchase deadline may have passed; if Redis does not answer, the lease settles it later.</summary>
    private async Task SettleAsync(Func<CancellationToken, Task> settle)
    {
        using var timeout = new CancellationTokenSource(options.Value.SettleTimeout, time);
        try
        {
            await settle(timeout.Token);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or OperationCanceledException or TimeoutException)
        {
            // The lease is the fallback: an unsettled reservation is settled against MySQL when it expires.
        }
    }
}
