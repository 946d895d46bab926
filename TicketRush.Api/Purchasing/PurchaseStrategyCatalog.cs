namespace TicketRush.Api.Purchasing;

/// <summary>Every registered strategy, by name.</summary>
internal sealed class PurchaseStrategyCatalog(IEnumerable<IPurchaseStrategy> strategies)
{
    private readonly Dictionary<string, IPurchaseStrategy> _byName =
        strategies.ToDictionary(s => s.Descriptor.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<StrategyDescriptor> Descriptors => _byName.Values.Select(s => s.Descriptor);

    public bool TryGet(string name, out IPurchaseStrategy strategy) => _byName.TryGetValue(name, out strategy!);

    /// <summary>The strategy a stored ticket names; it was checked when the ticket was created.</summary>
    public IPurchaseStrategy Get(string name) =>
        TryGet(name, out var strategy) ? strategy : throw new InvalidOperationException($"No strategy '{name}' is registered.");
}
