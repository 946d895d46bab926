namespace TicketRush.Api.Purchasing;

/// <summary>
/// One way to sell a ticket under concurrency. Implementations are singletons: state that must be
/// shared by every request of one server (in-process locks) lives in the instance.
/// </summary>
public interface IPurchaseStrategy
{
    StrategyDescriptor Descriptor { get; }

    Task<PurchaseOutcome> PurchaseAsync(PurchaseCommand command, CancellationToken cancellationToken);
}
