using MySqlConnector;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// The purchase transaction as the study's code would issue it, straight through MySqlConnector: no EF Core, no
/// strategy, no HTTP. Each call takes a pooled connection, as a server does per purchase.
/// </summary>
internal static class PurchaseTransactions
{
    private const string DecrementSql =
        "UPDATE tickets SET remaining_stock = remaining_stock - 1, version = version + 1 WHERE id = @ticket AND remaining_stock > 0";
    private const string InsertOrderSql =
        "INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy) VALUES (@ticket, @user, @created, 'bench', 'ceiling')";
    private const string LockRowSql = "SELECT remaining_stock FROM tickets WHERE id = @ticket FOR UPDATE";

    // The order is inserted only if the decrement changed the row: the same guard SaleTransaction uses.
    private const string OneRoundTripCommand = $"""
        START TRANSACTION;
        {DecrementSql};
        INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
            SELECT @ticket, @user, @created, 'bench', 'ceiling' FROM DUAL WHERE ROW_COUNT() = 1;
        COMMIT;
        """;

    public const string FourRoundTripsSql = "BEGIN; UPDATE … WHERE remaining_stock > 0; INSERT order; COMMIT (4 round trips)";
    public const string OneRoundTripSql = "START TRANSACTION; UPDATE …; INSERT … SELECT … WHERE ROW_COUNT() = 1; COMMIT (1 round trip)";
    public const string ForUpdateSql = "BEGIN; SELECT remaining_stock … FOR UPDATE; UPDATE; INSERT order; COMMIT (5 round trips)";

    public static async Task<string> FourRoundTripsAsync(MySqlDataSource database, long ticketId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ExecuteAsync(connection, transaction, DecrementSql, ticketId, userId, cancellationToken) != 1)
        {
            return "sold-out";
        }

        await ExecuteAsync(connection, transaction, InsertOrderSql, ticketId, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Ceilings.Succeeded;
    }

    public static async Task<string> OneRoundTripAsync(MySqlDataSource database, long ticketId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Affected rows add up over the statements: 1 for the UPDATE plus 1 for the INSERT when sold.
        return await ExecuteAsync(connection, null, OneRoundTripCommand, ticketId, userId, cancellationToken) == 2 ? Ceilings.Succeeded : "sold-out";
    }

    public static async Task<string> ForUpdateAsync(MySqlDataSource database, long ticketId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var read = Command(connection, transaction, LockRowSql, ticketId, userId))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is not int remaining || remaining <= 0)
            {
                return "sold-out";
            }
        }

        await ExecuteAsync(connection, transaction, DecrementSql, ticketId, userId, cancellationToken);
        await ExecuteAsync(connection, transaction, InsertOrderSql, ticketId, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Ceilings.Succeeded;
    }

    private static async Task<int> ExecuteAsync(
        MySqlConnection connection, MySqlTransaction? transaction, string sql, long ticketId, long userId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, ticketId, userId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static MySqlCommand Command(MySqlConnection connection, MySqlTransaction? transaction, string sql, long ticketId, long userId)
    {
        var command = new MySqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("@ticket", ticketId);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@created", DateTime.UtcNow);
        return command;
    }
}
