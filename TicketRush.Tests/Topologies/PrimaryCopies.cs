using System.Globalization;
using MySqlConnector;

namespace TicketRush.Tests.Topologies;

/// <summary>One primary's copy of a ticket after a rush: what that database says was sold.</summary>
public sealed record TicketCopy(string Primary, int Remaining, IReadOnlyList<long> Buyers)
{
    public int Orders => Buyers.Count;

    public override string ToString() => $"{Primary}: {Orders} orders, remaining {Remaining}";
}

/// <summary>Reads each primary directly (as the servers' own login), and waits until each has applied all the other wrote.</summary>
public static class PrimaryCopies
{
    public static Task<IReadOnlyList<TicketCopy>> ReadAsync(TwoPrimariesApp app, long ticketId) =>
        ReadAsync(TwoPrimariesApp.PrimaryNames, app.AppConnectionStringAsync, ticketId);

    /// <summary>Each of <paramref name="databases"/>' copy of the ticket, through the login <paramref name="connectionString"/> gives for it.</summary>
    public static async Task<IReadOnlyList<TicketCopy>> ReadAsync(IEnumerable<string> databases, Func<string, Task<string>> connectionString, long ticketId)
    {
        var copies = new List<TicketCopy>();
        foreach (var primary in databases)
        {
            await using var connection = new MySqlConnection(await connectionString(primary));
            await connection.OpenAsync();
            await using var stock = new MySqlCommand($"SELECT remaining_stock FROM tickets WHERE id = {ticketId}", connection);
            var remaining = Convert.ToInt32(await stock.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await using var orders = new MySqlCommand($"SELECT user_id FROM ticket_orders WHERE ticket_id = {ticketId}", connection);
            var buyers = new List<long>();
            await using (var reader = await orders.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    buyers.Add(reader.GetInt64(0));
                }
            }

            copies.Add(new TicketCopy(primary, remaining, buyers));
        }

        return copies;
    }

    /// <summary>
    /// True once both primaries report the same GTID position in every domain (each has applied everything the other
    /// wrote); false if that has not happened within <paramref name="within"/>, as when replication stopped.
    /// </summary>
    public static async Task<bool> WaitUntilReplicatedAsync(TwoPrimariesApp app, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var positions = new List<string>();
            foreach (var primary in TwoPrimariesApp.PrimaryNames)
            {
                await using var connection = new MySqlConnection(await app.AppConnectionStringAsync(primary));
                await connection.OpenAsync();
                await using var command = new MySqlCommand("SELECT @@global.gtid_current_pos", connection);
                positions.Add(string.Join(",", (Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "").Split(',').Order()));
            }

            if (positions.Distinct().Count() == 1)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }
    }
}
