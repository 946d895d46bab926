using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// What one buyer's sale steps share whether they run awaited (<see cref="SaleTransaction"/>) or blocking on the
/// <c>lock</c> strategy's own threads (<see cref="BlockingSaleTransaction"/>): the commands with their parameters, the
/// order to save, and what the write's report and the server's refusals mean. Only the driver calls differ.
/// </summary>
internal static class SaleCommands
{
    /// <summary>The stock read: plain (with the buyer check, outside any transaction) or locking (opening the transaction).</summary>
    public static MySqlCommand Read(MySqlConnection connection, Purchase purchase, bool locking) =>
        New(connection, purchase, locking ? $"{SaleSql.StartTransaction} {SaleSql.ReadStockForUpdate}" : SaleSql.ReadStock);

    public static StockRead ReadRow(MySqlDataReader reader, bool locking) =>
        new(true, reader.GetInt32(0), reader.GetInt32(1), !locking && reader.GetBoolean(2));

    /// <summary>The order the write step saves, if the stock write changed the row.</summary>
    public static TicketOrder NewOrder(Purchase purchase, SaleTransactionFactory shared) => new()
    {
        TicketId = purchase.TicketId,
        UserId = purchase.UserId,
        CreatedAt = shared.Time.GetUtcNow(),
        ServedBy = shared.ServerName,
        Strategy = purchase.Sale.Strategy,
    };

    /// <summary>The write step's one round trip: (open the transaction,) write the stock, save the order, report, commit.</summary>
    /// <param name="inTransaction">Whether a locking read opened the transaction already.</param>
    public static MySqlCommand Write(MySqlConnection connection, Purchase purchase, StockWrite write, StockRead? read, TicketOrder order, bool inTransaction)
    {
        var stockWriteSql = write switch
        {
            StockWrite.Blind => SaleSql.BlindWrite,
            StockWrite.Fenced => SaleSql.FencedWrite,
            _ => SaleSql.ConditionalDecrement,
        };
        var command = New(connection, purchase, $"{Begin(write, inTransaction)} {stockWriteSql}; {SaleSql.SaveOrderAndCommit}");
        command.Parameters.AddWithValue("@created", order.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue("@server", order.ServedBy);
        command.Parameters.AddWithValue("@strategy", order.Strategy);
        command.Parameters.AddWithValue("@remaining", (read?.Remaining ?? 0) - 1);
        command.Parameters.AddWithValue("@version", read?.Version ?? 0);
        command.Parameters.AddWithValue("@sale", Random.Shared.NextInt64(1, long.MaxValue));
        return command;
    }

    /// <summary>Whether the reader stands on the write's report: the result set of three columns, after the statements before it.</summary>
    public static bool IsReport(MySqlDataReader reader) => reader.FieldCount == 3;

    /// <summary>The report row: whether this write's token is on the row, the order's id, the stock left (null: no such ticket).</summary>
    public static WriteReport ReadReport(MySqlDataReader row) =>
        new(!row.IsDBNull(0) && row.GetInt64(0) == 1, row.GetInt64(1), row.IsDBNull(2) ? null : row.GetInt32(2));

    /// <summary>What the report says: the outcome, null only for a fenced write that found the ticket changed.</summary>
    public static PurchaseOutcome? Decide(WriteReport report, StockWrite write, Purchase purchase, TicketOrder order, PurchaseHooks hooks)
    {
        var (sold, remaining) = (report.Sold, report.Remaining);
        order.Id = report.OrderId;
        if (remaining is { } left)
        {
            hooks.AfterWrite(purchase, left);
        }

        if (sold)
        {
            return PurchaseOutcome.Sold(order);
        }

        if (remaining is null)
        {
            return PurchaseOutcome.TicketNotFound;
        }

        return write switch
        {
            StockWrite.ConditionalDecrement => PurchaseOutcome.SoldOutInDatabase,
            StockWrite.Fenced => null,
            _ => throw new InvalidOperationException("A blind write matched no row of an existing ticket."),
        };
    }

    /// <summary>
    /// What a statement the server refused means (it never reached the COMMIT behind it, so nothing was written):
    /// <c>already-purchased</c> for the unique buyer index, null for a fenced write's conflict; false when it is neither.
    /// </summary>
    public static bool TryExplainRefusal(MySqlException refusal, StockWrite write, out PurchaseOutcome? outcome)
    {
        outcome = null;
        if (refusal.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            outcome = PurchaseOutcome.AlreadyPurchased;
            return true;
        }

        return write == StockWrite.Fenced && MySqlConflict.Is(refusal);
    }

    /// <summary>An exception after which the commit may or may not have landed: it is verified, never guessed.</summary>
    public static bool LeavesCommitUnknown(Exception exception) =>
        exception is MySqlException or OperationCanceledException or IOException or TimeoutException;

    /// <summary>A rollback that failed this way leaves a broken session, which MySQL rolls back when it ends.</summary>
    public static bool IsBrokenSession(Exception exception) =>
        exception is MySqlException or IOException or TimeoutException or InvalidOperationException;

    public static MySqlCommand Rollback(MySqlConnection connection) =>
        new(SaleSql.Rollback, connection) { CommandTimeout = RollbackTimeoutSeconds };

    private const int RollbackTimeoutSeconds = 1;

    /// <summary>
    /// Opens the write's transaction unless a locking read already did. A conditional write runs READ COMMITTED: its
    /// UPDATE then skips a row whose last committed state fails the condition (sold out, version moved on) instead of
    /// queueing on that row's lock (InnoDB's semi-consistent read); a row that may still match is waited for and
    /// re-checked, so the answer is the same, only sooner.
    /// </summary>
    private static string Begin(StockWrite write, bool inTransaction) =>
        inTransaction ? ""
        : write == StockWrite.Blind ? SaleSql.StartTransaction
        : SaleSql.StartReadCommittedTransaction;

    private static MySqlCommand New(MySqlConnection connection, Purchase purchase, string sql)
    {
        var command = new MySqlCommand(sql, connection) { CommandTimeout = purchase.Deadline.RemainingSeconds };
        command.Parameters.AddWithValue("@ticket", purchase.TicketId);
        command.Parameters.AddWithValue("@user", purchase.UserId);
        return command;
    }

    public readonly record struct WriteReport(bool Sold, long OrderId, int? Remaining);
}
