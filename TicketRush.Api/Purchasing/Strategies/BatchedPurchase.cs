using TicketRush.Api.Dependencies;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using TicketRush.Api.Purchasing.Batching;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Beyond the study, beyond one buyer per lock hold: group commit on the hot row, as AliSQL's inventory hint queues
/// the updates of one hot row and applies them together. Each server gathers the concurrent buyers of a ticket and
/// sells them in one transaction and one round trip (<see cref="BatchSaleTransaction"/>); two servers' batches meet on
/// the row lock like two buyers do.
/// </summary>
internal sealed partial class BatchedPurchase : IPurchaseStrategy<BatchedPurchase>
{
    private readonly SaleTransactionFactory _transactions;
    private readonly PurchaseHooks _hooks;
    private readonly PurchaseTelemetry _telemetry;
    private readonly PurchaseOptions _purchase;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchedPurchase> _logger;
    private readonly PurchaseBatcher _batcher;

    public BatchedPurchase(
        SaleTransactionFactory transactions,
        PurchaseHooks hooks,
        PurchaseTelemetry telemetry,
        IOptions<PurchaseOptions> purchase,
        IOptions<BatchedOptions> options,
        TimeProvider time,
        ILogger<BatchedPurchase> logger)
    {
        _transactions = transactions;
        _hooks = hooks;
        _telemetry = telemetry;
        _purchase = purchase.Value;
        _time = time;
        _logger = logger;
        _batcher = new PurchaseBatcher(options.Value.MaxBatchSize, options.Value.Linger, time, SellAsync);
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyNames.Batched, "beyond",
        "Group commit: each server sends a ticket's concurrent buyers as one batch, one conditional decrement of up to the batch's size, one multi-row insert of the first buyers who fit, one commit, one round trip.",
        SafeOnOneServer: true, SafeAcrossServers: true);

    public async Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        // Faults armed for this buyer fire in its own purchase, before it joins a batch that others share.
        await _hooks.BeforeWriteAsync(purchase, afterRead: false, cancellationToken);
        return await _batcher.JoinAsync(purchase, cancellationToken);
    }

    /// <summary>Sells one batch and answers each of its buyers; a conflict sends the same batch again, first come still first.</summary>
    private async Task SellAsync(IReadOnlyList<BatchedBuyer> batch)
    {
        var ticketId = batch[0].Purchase.TicketId;
        using var activity = _telemetry.StartBatch(Descriptor.Name, ticketId, batch.Select(b => b.Span), batch.Count);
        // A buyer twice in one batch is sold to once: its first place is sent, the others follow its answer.
        var buyers = batch.DistinctBy(b => b.UserId).ToList();
        try
        {
            for (var conflicts = 0; !await TrySellAsync(buyers); conflicts++)
            {
                activity?.AddEvent(new ActivityEvent("conflict-retry"));
                if (conflicts == _purchase.ConflictRetries)
                {
                    Settle(buyers, PurchaseOutcome.Unavailable(UnavailableReasons.Database));
                    break;
                }
            }
        }
        catch (Exception exception) when (DependencyFailure.Describe(exception, exception is OperationCanceledException) is { } reason)
        {
            BatchFailed(_logger, exception, ticketId, batch.Count);
            Settle(buyers, PurchaseOutcome.Unavailable(reason));
        }

        await AnswerRepeatsAsync(batch);
    }

    /// <summary>Sends the batch once and answers its buyers.</summary>
    /// <returns>False after a conflict: nothing was written, and <paramref name="buyers"/> holds those who may be sent again.</returns>
    private async Task<bool> TrySellAsync(List<BatchedBuyer> buyers)
    {
        // The pool wait is bounded by the batch's last deadline: until then some buyer may still be served.
        using var opening = new CancellationTokenSource(buyers.Max(b => b.Purchase.Deadline.Remaining), _time);
        await using var sale = await _transactions.OpenBatchAsync(buyers[0].Purchase.Sale, opening.Token);
        // A buyer whose deadline passed before the batch was sent gave up: nothing is sold to it.
        var expired = buyers.Where(b => b.Purchase.Deadline.HasPassed).ToList();
        Settle(expired, PurchaseOutcome.Unavailable(UnavailableReasons.Deadline));
        buyers.RemoveAll(expired.Contains);
        if (buyers.Count == 0)
        {
            return true;
        }

        if (await sale.CommitAsync([.. buyers.Select(b => b.Purchase)]) is not { } outcomes)
        {
            return false;
        }

        for (var i = 0; i < buyers.Count; i++)
        {
            buyers[i].Settle(outcomes[i]);
        }

        return true;
    }

    private static void Settle(IEnumerable<BatchedBuyer> buyers, PurchaseOutcome outcome)
    {
        foreach (var buyer in buyers)
        {
            buyer.Settle(outcome);
        }
    }

    /// <summary>A buyer's later places in the batch get its first place's answer: a sale there means this one bought already.</summary>
    private static async Task AnswerRepeatsAsync(IReadOnlyList<BatchedBuyer> batch)
    {
        var first = new Dictionary<long, BatchedBuyer>();
        foreach (var buyer in batch)
        {
            if (!first.TryAdd(buyer.UserId, buyer))
            {
                var outcome = await first[buyer.UserId].Answer;
                buyer.Settle(outcome.Status == PurchaseStatus.Sold ? PurchaseOutcome.AlreadyPurchased : outcome);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A batch of {Buyers} purchases of ticket {TicketId} failed: a dependency is unavailable or the deadline passed")]
    private static partial void BatchFailed(ILogger logger, Exception exception, long ticketId, int buyers);
}
