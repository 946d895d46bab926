namespace TicketRush.Rush.History;

/// <summary>Every purchase attempt of a rush, drill or test, timed by one clock; safe to add to from many buyers at once.</summary>
public sealed class PurchaseHistory
{
    private readonly List<PurchaseOperation> _operations = [];

    public HistoryClock Clock { get; } = new();

    public void Add(PurchaseOperation operation)
    {
        lock (_operations)
        {
            _operations.Add(operation);
        }
    }

    /// <summary>The attempts so far, in the order they completed.</summary>
    public IReadOnlyList<PurchaseOperation> Operations
    {
        get
        {
            lock (_operations)
            {
                return [.. _operations];
            }
        }
    }
}
