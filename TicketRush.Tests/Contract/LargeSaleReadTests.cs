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
        await SaleRows.SeedOrdersAsync(connection, ticket.Id, Orders, "atomic");
        var lastButTwo = await ScalarAsync(connection, $"SELECT id FROM ticket_orders WHERE ticket_id = {ticket.Id} ORDER BY id DESC LIMIT 1 OFFSET 2");

        var before = await SaleRows.RowsReadAsync(connection);
        var read = await app.Servers[0].GetTicketAsync(ticket.Id);
        var listed = await app.Servers[1].GetFromJsonAsync<List<TicketResponse>>("/api/tickets");
        var deep = await app.Servers[0].GetFromJsonAsync<OrderPage>($"/api/tickets/{ticket.Id}/orders?after={lastButTwo}&pageSize=500");
        var rowsRead = await SaleRows.RowsReadAsync(connection) - before;

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
            await SaleRows.SeedOrdersAsync(connection, ticket.Id, orders, "atomic");
        }

        var read = await app.Servers[1].GetAllOrdersAsync(ticket.Id);

        Assert.Equal(orders, read.Count);
        Assert.Equal(orders, read.Select(o => o.UserId).Distinct().Count());
        Assert.Equal(read.Select(o => o.Id).Order(), read.Select(o => o.Id));
    }

    private static async Task<long> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
