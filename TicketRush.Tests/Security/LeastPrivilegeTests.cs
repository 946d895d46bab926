using System.Net.Sockets;
using System.Text;
using MySqlConnector;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Security;

/// <summary>What the AppHost hands out is no more than each client needs: Redis wants its password, the servers' database user cannot change the schema.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class LeastPrivilegeTests(TicketRushApp app)
{
    [Fact]
    public async Task Redis_refuses_a_client_without_the_password()
    {
        var connectionString = await app.ConnectionStringAsync("redis");
        Assert.Contains(",password=", connectionString, StringComparison.Ordinal);

        var (host, port) = (connectionString.Split(',')[0].Split(':')[0], int.Parse(connectionString.Split(',')[0].Split(':')[1]));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);

        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_database_user_reads_and_writes_rows_but_cannot_change_the_schema()
    {
        await using var connection = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app"));
        await connection.OpenAsync();

        await using (var select = new MySqlCommand("SELECT COUNT(*) FROM tickets", connection))
        {
            await select.ExecuteScalarAsync();
        }

        foreach (var sql in new[] { "CREATE TABLE intruder (id INT)", "DROP TABLE ticket_orders", "DELETE FROM ticket_orders" })
        {
            await using var command = new MySqlCommand(sql, connection);
            var denied = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(MySqlErrorCode.TableAccessDenied, denied.ErrorCode);
        }
    }
}
