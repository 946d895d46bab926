using MySqlConnector;

namespace TicketRush.Bench.Scenarios;

/// <summary>What the database holds for a ticket once a scenario is over, read directly (exact, no paging through the API).</summary>
/// <param name="Commits">
/// Transactions that sold: the orders' distinct (server, creation time) pairs, since one transaction stamps its orders
/// with one time. One per order for every strategy but <c>batched</c>, whose orders per commit are its mean batch size.
/// </param>
internal sealed record TicketAudit(int Stock, int Remaining, int Orders, int DistinctBuyers, int Commits = 0)
{
    /// <summary>Orders per selling transaction; 0 when nothing sold.</summary>
    public double OrdersPerCommit => Commits > 0 ? (double)Orders / Commits : 0;

    /// <summary>Every sale took exactly one ticket: orders == stock − remaining.</summary>
    public bool StockAddsUp => Orders == Stock - Remaining;

    public int RepeatBuyers => Orders - DistinctBuyers;

    public bool Oversold => Orders > Stock;

    public static async Task<TicketAudit> ReadAsync(MySqlDataSource database, long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            """
            SELECT total_stock, remaining_stock,
                   (SELECT COUNT(*) FROM ticket_orders WHERE ticket_id = @ticket),
                   (SELECT COUNT(DISTINCT user_id) FROM ticket_orders WHERE ticket_id = @ticket),
                   (SELECT COUNT(DISTINCT served_by, created_at) FROM ticket_orders WHERE ticket_id = @ticket)
            FROM tickets WHERE id = @ticket
            """, connection);
        command.Parameters.AddWithValue("@ticket", ticketId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Ticket {ticketId} is not in the database.");
        }

        return new TicketAudit(reader.GetInt32(0), reader.GetInt32(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4));
    }
}
