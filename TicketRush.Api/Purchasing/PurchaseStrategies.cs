using TicketRush.Api.Purchasing.Strategies;

namespace TicketRush.Api.Purchasing;

/// <summary>
/// Every strategy a server offers, in the order <c>GET /api/strategies</c> lists them. The servers register these, and
/// the tests and the bench take their lists of strategies from <see cref="Descriptors"/>: adding a strategy is its file
/// and one line here.
/// </summary>
public static class PurchaseStrategies
{
    private static readonly (Type Type, StrategyDescriptor Descriptor)[] All =
    [
        Of<NoControlPurchase>(),
        Of<MonitorLockPurchase>(),
        Of<SemaphorePurchase>(),
        Of<PessimisticLockPurchase>(),
        Of<OptimisticLockPurchase>(),
        Of<RedLockPurchase>(),
        Of<AtomicUpdatePurchase>(),
        Of<RedisCounterPurchase>(),
        Of<BatchedPurchase>(),
    ];

    public static IReadOnlyList<StrategyDescriptor> Descriptors { get; } = [.. All.Select(strategy => strategy.Descriptor)];

    /// <summary>The safe ones: they sell exactly the stock on two servers.</summary>
    public static IReadOnlyList<StrategyDescriptor> SafeAcrossServers { get; } = [.. Descriptors.Where(strategy => strategy.SafeAcrossServers)];

    internal static IEnumerable<Type> Types => All.Select(strategy => strategy.Type);

    private static (Type, StrategyDescriptor) Of<TStrategy>() where TStrategy : class, IPurchaseStrategy<TStrategy> =>
        (typeof(TStrategy), TStrategy.Descriptor);
}
