namespace TicketRush.Tests.Infrastructure;

/// <summary>The sale's invariants, read from MySQL through the API and, for <c>redis-counter</c>, from Redis too.</summary>
public static class Invariants
{
    /// <summary>orders = stock − remaining, nobody holds two orders, and a Redis counter equals MySQL's remaining stock with no reservation left unsettled.</summary>
    /// <param name="reader">The server to read through (the first by default; another when a drill has killed it).</param>
    public static async Task<TicketResponse> AssertExactAsync(TicketRushApp app, long ticketId, HttpClient? reader = null)
    {
        reader ??= app.Servers[0];
        var ticket = await reader.GetTicketAsync(ticketId);
        var orders = await reader.GetAllOrdersAsync(ticketId);

        if (orders.Count != ticket.TotalStock - ticket.RemainingStock)
        {
            Assert.Fail($"orders {orders.Count} == stock {ticket.TotalStock} − remaining {ticket.RemainingStock}; stock writes (version): {await StockWritesAsync(app, ticketId)}");
        }
        Assert.True(orders.Count == ticket.OrderCount, $"every order listed: {orders.Count} of {ticket.OrderCount}");
        Assert.True(orders.GroupBy(o => o.UserId).All(g => g.Count() == 1), "no user holds two orders");
        if (ticket.Strategy == StrategyNames.RedisCounter)
        {
            var (stock, reservations) = await app.RedisCounterAsync(ticketId);
            Assert.True(stock is null || stock == ticket.RemainingStock, $"Redis counter {stock} == MySQL remaining {ticket.RemainingStock}");
            Assert.True(reservations == 0, $"{reservations} reservation(s) left unsettled");
        }

        return ticket;
    }

    /// <summary>How many times the ticket's stock was written (its version), to tell a write without an order from an order without a write.</summary>
    private static async Task<int> StockWritesAsync(TicketRushApp app, long ticketId)
    {
        await using var connection = new MySqlConnector.MySqlConnection(await app.ConnectionStringAsync("ticketrush-app"));
        await connection.OpenAsync();
        await using var version = new MySqlConnector.MySqlCommand($"SELECT version FROM tickets WHERE id = {ticketId}", connection);
        return Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits up to <paramref name="within"/> for <see cref="AssertExactAsync"/> to hold (e.g. until leases are settled).</summary>
    public static async Task<TicketResponse> EventuallyExactAsync(TicketRushApp app, long ticketId, TimeSpan within, HttpClient? reader = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                return await AssertExactAsync(app, ticketId, reader);
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
