namespace TicketRush.Api.Purchasing.Sales;

/// <summary>How a write step changes the stock: to the value read, only if the version read is still current, or by one if any is left.</summary>
internal enum StockWrite
{
    Blind,
    Fenced,
    ConditionalDecrement,
}
