using System.Globalization;
using System.Net.Http.Json;
using MySqlConnector;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

/// <summary>
/// A cheap request stays cheap however large the sale: reading a ticket, the ticket list or a page deep into the orders
/// makes MariaDB read a handful of rows, not every order (it counted them all per request, and paged by OFFSET).
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class LargeSaleReadTests(TicketRushApp app)
{
    private const int Orders = 100_000;

    /// <summary>Far below one row per order: what the two servers' background work (admission pumps, reconcilers) reads meanwhile fits easily.</summary>
    private const long RowBudget = Orders / 10;

    [Fact]
    public async Task Reading_a_ticket_the_list_and_a_deep_order_page_reads_few_rows_of_a_large_sale()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Orders * 2, "atomic");
        await using var connection = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app"));
        await connection.OpenAsync();
        await SeedOrdersAsync(connection, ticket.Id, Orders);
        var lastButTwo = await ScalarAsync(connection, $"SELECT id FROM ticket_orders WHERE ticket_id = {ticket.Id} ORDER BY id DESC LIMIT 1 OFFSET 2");

        var before = await RowsReadAsync(connection);
        var read = await app.Servers[0].GetTicketAsync(ticket.Id);
        var listed = await app.Servers[1].GetFromJsonAsync<List<TicketDto>>("/api/tickets");
        var deep = await app.Servers[0].GetFromJsonAsync<OrderPageDto>($"/api/tickets/{ticket.Id}/orders?after={lastButTwo}&pageSize=500");
        var rowsRead = await RowsReadAsync(connection) - before;

        Assert.Equal((Orders, Orders), (read.OrderCount, read.TotalStock - read.RemainingStock));
        Assert.Equal(Orders, listed!.Single(t => t.Id == ticket.Id).OrderCount);
        Assert.Equal(2, deep!.Items.Count);
        Assert.Null(deep.Next);
        Assert.True(rowsRead < RowBudget, $"MariaDB read {rowsRead} rows for three reads of a {Orders}-order sale (budget {RowBudget})");
    }

    [Fact]
    public async Task Following_the_next_links_reads_every_order_exactly_once()
    {
        const int orders = 12_345;
        var ticket = await app.Servers[0].CreateTicketAsync(orders, "atomic");
        await using (var connection = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app")))
        {
            await connection.OpenAsync();
            await SeedOrdersAsync(connection, ticket.Id, orders);
        }

        var read = await app.Servers[1].GetAllOrdersAsync(ticket.Id);

        Assert.Equal(orders, read.Count);
        Assert.Equal(orders, read.Select(o => o.UserId).Distinct().Count());
        Assert.Equal(read.Select(o => o.Id).Order(), read.Select(o => o.Id));
    }

    /// <summary>Sells <paramref name="orders"/> of the ticket to buyers 1..n in two statements, as the sale's own writes would leave the rows.</summary>
    private static async Task SeedOrdersAsync(MySqlConnection connection, long ticketId, int orders)
    {
        await using var seed = new MySqlCommand(
            $"""
            INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
                SELECT {ticketId}, seq, UTC_TIMESTAMP(6), 'seed', 'atomic' FROM seq_1_to_{orders};
            UPDATE tickets SET remaining_stock = remaining_stock - {orders}, order_count = order_count + {orders} WHERE id = {ticketId};
            """,
            connection) { CommandTimeout = 300 };
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>Every row InnoDB handed the server since it started (index and table reads of every kind).</summary>
    private static async Task<long> RowsReadAsync(MySqlConnection connection)
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

    private static async Task<long> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
