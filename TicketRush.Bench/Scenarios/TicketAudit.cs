using MySqlConnector;

namespace TicketRush.Bench.Scenarios;

/// <summary>What the database holds for a ticket once a scenario is over, read directly (exact, no paging through the API).</summary>
public sealed record TicketAudit(int Stock, int Remaining, int Orders, int DistinctBuyers)
{
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
                   (SELECT COUNT(DISTINCT user_id) FROM ticket_orders WHERE ticket_id = @ticket)
            FROM tickets WHERE id = @ticket
            """, connection);
        command.Parameters.AddWithValue("@ticket", ticketId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Ticket {ticketId} is not in the database.");
        }

        return new TicketAudit(reader.GetInt32(0), reader.GetInt32(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
    }
}
