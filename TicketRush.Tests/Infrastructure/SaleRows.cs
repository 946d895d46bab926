using System.Globalization;
using MySqlConnector;

namespace TicketRush.Tests.Infrastructure;

/// <summary>Large sales made fast in MySQL, and what reading them costs, from MariaDB's own counters.</summary>
public static class SaleRows
{
    /// <summary>
    /// Sells <paramref name="orders"/> of the ticket to buyers 1..n in one round trip (<c>INSERT … SELECT</c> from
    /// MariaDB's sequence engine), leaving the rows as the sale's own writes would: stock and order count moved with them.
    /// </summary>
    public static async Task SeedOrdersAsync(MySqlConnection connection, long ticketId, int orders, string strategy)
    {
        await using var seed = new MySqlCommand(
            $"""
            INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
                SELECT {ticketId}, seq, UTC_TIMESTAMP(6), 'seed', '{strategy}' FROM seq_1_to_{orders};
            UPDATE tickets SET remaining_stock = remaining_stock - {orders}, order_count = order_count + {orders} WHERE id = {ticketId};
            """,
            connection) { CommandTimeout = 300 };
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>Every row InnoDB handed the server since it started (<c>Handler_read%</c>: index and table reads of every kind).</summary>
    public static async Task<long> RowsReadAsync(MySqlConnection connection)
    {
        await using var status = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'Handler_read%'", connection);
        await using var reader = await status.ExecuteReaderAsync();
        var rows = 0L;
        while (await reader.ReadAsync())
        {
            rows += long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        }

        return rows;
    }
}
