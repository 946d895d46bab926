using System.Globalization;
using System.Text.RegularExpressions;
using MySqlConnector;
using TicketRush.Bench.Load;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// The purchase transaction's three shapes loaded by Debian's <c>mariadb-slap</c>. Each statement of a shape is its own
/// round trip, as from a client; the one-round-trip shape is a stored procedure, one <c>CALL</c> per sale. The rate is
/// the orders the run added (one per committed sale) over the time slap reports; slap measures no latencies.
/// </summary>
internal static partial class MariaDbSlap
{
    public static readonly NativeTool Tool = new("mariadb-slap", "mariadb-client");

    public const string ProcedureName = "bench_purchase";

    private const string Decrement = "UPDATE tickets SET remaining_stock = remaining_stock - 1, version = version + 1 WHERE id = {0} AND remaining_stock > 0";
    private const string InsertOrder = "INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy) VALUES ({0}, UUID_SHORT(), UTC_TIMESTAMP(6), 'slap', 'ceiling')";

    public static string FourRoundTrips(long ticketId) =>
        string.Format(CultureInfo.InvariantCulture, $"START TRANSACTION;{Decrement};{InsertOrder};COMMIT", ticketId);

    public static string ForUpdate(long ticketId) =>
        string.Format(CultureInfo.InvariantCulture, $"START TRANSACTION;SELECT remaining_stock FROM tickets WHERE id = {{0}} FOR UPDATE;{Decrement};{InsertOrder};COMMIT", ticketId);

    public static string OneRoundTrip(long ticketId) => $"CALL {ProcedureName}({ticketId.ToString(CultureInfo.InvariantCulture)}, UUID_SHORT())";

    /// <summary>
    /// The one-round-trip shape as a procedure: the conditional decrement stamps the row with the buyer, and the order is
    /// inserted only if the row carries it (the guard SaleTransaction uses). Needs a user that may create routines.
    /// </summary>
    public static async Task CreateProcedureAsync(MySqlConnection owner, CancellationToken cancellationToken)
    {
        await using var create = new MySqlCommand($"""
            DROP PROCEDURE IF EXISTS {ProcedureName};
            CREATE PROCEDURE {ProcedureName}(IN ticket BIGINT, IN buyer BIGINT)
            BEGIN
              START TRANSACTION;
              UPDATE tickets SET remaining_stock = remaining_stock - 1, version = version + 1, last_sale = buyer
                  WHERE id = ticket AND remaining_stock > 0;
              INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
                  SELECT id, buyer, UTC_TIMESTAMP(6), 'slap', 'ceiling' FROM tickets WHERE id = ticket AND last_sale = buyer;
              COMMIT;
            END
            """, owner);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sales"/> transactions of <paramref name="query"/> over <paramref name="concurrency"/> clients on <paramref name="ticketId"/>.</summary>
    public static async Task<LoadResult> RunAsync(
        MySqlConnectionStringBuilder connection, MySqlDataSource reader, long ticketId, string query, int sales, int concurrency, CancellationToken cancellationToken)
    {
        var statements = query.Split(';').Length;
        var before = await OrdersAsync(reader, ticketId, cancellationToken);
        var printed = await Tool.RunAsync(
            [
                "--no-defaults", "--protocol=TCP", $"--host={connection.Server}", $"--port={connection.Port}",
                $"--user={connection.UserID}", $"--password={connection.Password}", $"--create-schema={connection.Database}",
                $"--concurrency={concurrency}", "--iterations=1", $"--number-of-queries={sales * statements}",
                "--delimiter=;", $"--query={query}",
            ],
            cancellationToken);
        var seconds = ParseSeconds(printed) ?? throw new InvalidOperationException($"mariadb-slap printed no time: {printed.Trim()}");
        var sold = await OrdersAsync(reader, ticketId, cancellationToken) - before;
        return new LoadResult(concurrency, TimeSpan.FromSeconds(seconds),
            new Dictionary<string, int> { [Ceilings.Succeeded] = (int)sold }, _ => TimeSpan.Zero);
    }

    /// <summary>The run's time from slap's report ("Average number of seconds to run all queries: 2.345 seconds").</summary>
    public static double? ParseSeconds(string printed) =>
        SecondsLine().Match(printed) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static async Task<long> OrdersAsync(MySqlDataSource database, long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var count = new MySqlCommand("SELECT COUNT(*) FROM ticket_orders WHERE ticket_id = @ticket", connection);
        count.Parameters.AddWithValue("@ticket", ticketId);
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Average number of seconds to run all queries: ([0-9]+(?:\.[0-9]+)?) seconds")]
    private static partial Regex SecondsLine();
}
