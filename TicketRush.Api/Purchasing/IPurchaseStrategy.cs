namespace TicketRush.Api.Purchasing;

/// <summary>
/// One way to sell a ticket under concurrency, composed from the steps of <see cref="Sales.SaleTransaction"/>.
/// Implementations are singletons: state shared by every request of one server (in-process locks) lives in the instance.
/// </summary>
public interface IPurchaseStrategy
{
    StrategyDescriptor Descriptor { get; }

    /// <summary>Sells within <paramref name="purchase"/>'s deadline; <paramref name="cancellationToken"/> fires when it passes.</summary>
    Task<PurchaseOutcome> PurchaseAsync(Purchase purchase, CancellationToken cancellationToken);

    /// <summary>A purchase deadline of its own, in place of <see cref="PurchaseOptions.Deadline"/>; null for the common one.</summary>
    TimeSpan? Deadline => null;

    /// <summary>Prepares what the strategy keeps outside MySQL when a ticket goes on sale with it (e.g. a Redis counter).</summary>
    Task PrepareSaleAsync(long ticketId, int stock, CancellationToken cancellationToken) => Task.CompletedTask;
}
