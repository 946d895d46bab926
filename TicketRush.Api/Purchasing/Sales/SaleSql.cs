namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// Every statement a sale sends to MySQL, in one place: the single buyer's steps (<see cref="SaleTransaction"/>, and the
/// <c>lock</c> strategy's blocking twin) and a batch's one round trip (<see cref="BatchSaleTransaction"/>). The types
/// that send them bind the parameters and read the reports.
/// </summary>
internal static class SaleSql
{
    // The buyer check rides along on the plain read (one unique-index lookup), so a repeat buyer never writes.
    public const string ReadStock = """
        SELECT remaining_stock, version,
               EXISTS(SELECT 1 FROM ticket_orders WHERE ticket_id = @ticket AND user_id = @user)
        FROM tickets WHERE id = @ticket
        """;

    // A locking read locks only the ticket row: a locking look into the orders index would gap-lock other buyers' inserts.
    public const string ReadStockForUpdate = "SELECT remaining_stock, version FROM tickets WHERE id = @ticket FOR UPDATE";
    // Each write adds its order to order_count atomically: the count stays exact even when the blind write loses an update.
    public const string BlindWrite =
        "UPDATE tickets SET remaining_stock = @remaining, order_count = order_count + 1, version = version + 1, last_sale = @sale WHERE id = @ticket";
    public const string FencedWrite = BlindWrite + " AND version = @version";
    public const string ConditionalDecrement =
        "UPDATE tickets SET remaining_stock = remaining_stock - 1, order_count = order_count + 1, version = version + 1, last_sale = @sale WHERE id = @ticket AND remaining_stock > 0";

    // Runs after the stock write in the same round trip. The order is inserted only if the row carries this sale's
    // token, that is only if the write above changed it: a fact of the row, not of the session. Asking the session
    // (ROW_COUNT() = 1) once let a decrement commit without its order, with MariaDB frozen and clients giving up.
    public const string SaveOrderAndCommit = """
        INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
            SELECT id, @user, @created, @server, @strategy FROM tickets WHERE id = @ticket AND last_sale = @sale;
        SELECT (SELECT last_sale = @sale FROM tickets WHERE id = @ticket), LAST_INSERT_ID(),
               (SELECT remaining_stock FROM tickets WHERE id = @ticket);
        COMMIT;
        """;

    /// <summary>Opens a write's transaction; see <see cref="SaleTransaction"/> for why conditional writes run READ COMMITTED.</summary>
    public const string StartTransaction = "START TRANSACTION;";

    public const string StartReadCommittedTransaction = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION;";

    public const string Rollback = "ROLLBACK";

    // A batch: the buyers arrive as one JSON array, in arrival order.
    private const string Buyers = "JSON_TABLE(@buyers, '$[*]' COLUMNS (place FOR ORDINALITY, user_id BIGINT PATH '$')) AS buyer";
    private const string HoldsOrder = "EXISTS (SELECT 1 FROM ticket_orders AS held WHERE held.ticket_id = @ticket AND held.user_id = buyer.user_id)";
    private const string NewBuyers = $"(SELECT COUNT(*) FROM {Buyers} WHERE NOT {HoldsOrder})";
    private const string CarriesToken = "sale.last_sale BETWEEN @batch AND @batch + @size";

    // READ COMMITTED for the same reason as a single conditional write: a sold-out row is skipped, not queued on, and
    // each later statement reads what is committed now, after the lock was granted. Assignments run left to right, so
    // order_count adds the grant just stored in last_sale: exactly the orders the insert below adds.
    public const string SellBatch = $"""
        SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION;
        UPDATE tickets SET version = version + 1, last_sale = @batch WHERE id = @ticket AND remaining_stock > 0;
        SELECT buyer.user_id FROM {Buyers} WHERE {HoldsOrder};
        UPDATE tickets
            SET last_sale = @batch + LEAST(remaining_stock, {NewBuyers}),
                order_count = order_count + (last_sale - @batch),
                remaining_stock = remaining_stock - LEAST(remaining_stock, {NewBuyers})
            WHERE id = @ticket AND last_sale = @batch;
        INSERT INTO ticket_orders (ticket_id, user_id, created_at, served_by, strategy)
            SELECT sale.id, fresh.user_id, @created, @server, @strategy
            FROM (SELECT buyer.user_id, ROW_NUMBER() OVER (ORDER BY buyer.place) AS turn FROM {Buyers} WHERE NOT {HoldsOrder}) AS fresh
            JOIN tickets AS sale ON sale.id = @ticket AND {CarriesToken}
            WHERE fresh.turn <= sale.last_sale - @batch;
        SELECT {CarriesToken}, sale.last_sale - @batch, sale.remaining_stock FROM tickets AS sale WHERE sale.id = @ticket;
        SELECT ordered.user_id, ordered.id FROM ticket_orders AS ordered JOIN {Buyers} ON buyer.user_id = ordered.user_id
            WHERE ordered.ticket_id = @ticket;
        COMMIT;
        """;

}
