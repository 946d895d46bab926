using System.Globalization;
using System.Text;
using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// One batch of a ticket's buyers sold in one transaction and one round trip: the ticket row is locked once, the stock
/// falls by as many buyers as fit (all, some or none), the first buyers in arrival order who hold no order yet get one,
/// and the whole batch commits together. Every buyer's answer comes from that transaction's report.
/// </summary>
/// <remarks>
/// Why it is exact. Every statement after the first runs while this transaction holds the ticket row's lock, and every
/// sale of a ticket writes that row before its order, so no order of this ticket can appear or vanish meanwhile: the
/// READ COMMITTED reads of the holders, in the grant and in the insert, see the same set. The grant is
/// <c>LEAST(remaining, buyers holding no order)</c>, the insert adds exactly the first <c>grant</c> of those buyers, so
/// the stock falls by exactly the orders added. Like <see cref="SaleTransaction"/>, each write learns what the previous
/// one did from the row (the token in <c>last_sale</c>), never from the session: this batch's token is a random multiple
/// of 2^20 and the grant is added to it, so the insert reads both "the grant happened" and how much it was from the row.
/// A statement the server refuses stops the round trip before its COMMIT, so nothing is written; a commit sent without
/// an answer is verified for the whole batch.
/// </remarks>
internal sealed class BatchSaleTransaction : IAsyncDisposable
{
    /// <summary>Exclusive upper bound of a batch's size: the grant lives in the token's low 20 bits.</summary>
    public const int SizeLimit = 1 << GrantBits;

    private const int GrantBits = 20;

    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(1);

    private readonly MySqlConnection _connection;
    private readonly int _sessionId;
    private readonly SaleTransactionFactory _shared;
    private IReadOnlyList<Purchase> _purchases = [];
    private bool _inTransaction;

    internal BatchSaleTransaction(MySqlConnection connection, SaleTransactionFactory shared)
    {
        _connection = connection;
        // Kept now: a connection that broke mid-commit no longer says which session it was, and verification needs it.
        _sessionId = connection.ServerThread;
        _shared = shared;
    }

    /// <summary>Sells <paramref name="purchases"/>, 1 to <see cref="SizeLimit"/> − 1 distinct buyers of one ticket in arrival order; once per transaction.</summary>
    /// <returns>
    /// Each buyer's outcome, in the order given; null when the server refused the batch as a conflict (a deadlock, a
    /// snapshot conflict): nothing was written and the caller may send it again.
    /// </returns>
    public async Task<IReadOnlyList<PurchaseOutcome>?> CommitAsync(IReadOnlyList<Purchase> purchases)
    {
        if (purchases.Count is 0 or >= SizeLimit
            || purchases.DistinctBy(p => p.UserId).Count() != purchases.Count
            || purchases.Any(p => p.TicketId != purchases[0].TicketId))
        {
            throw new ArgumentException($"A batch holds 1 to {SizeLimit - 1} distinct buyers of one ticket.", nameof(purchases));
        }

        if (_purchases.Count > 0)
        {
            throw new InvalidOperationException("A batch's transaction commits once.");
        }

        _purchases = purchases;
        var first = _purchases[0];
        var created = _shared.Time.GetUtcNow();
        await using var command = new MySqlCommand(SaleSql.SellBatch, _connection)
        {
            // Every buyer's deadline is as long, so the first to arrive has the least time left: the batch ends by it.
            CommandTimeout = _purchases.Min(p => p.Deadline.RemainingSeconds),
        };
        command.Parameters.AddWithValue("@ticket", first.TicketId);
        command.Parameters.AddWithValue("@buyers", BuyersJson());
        command.Parameters.AddWithValue("@size", _purchases.Count);
        command.Parameters.AddWithValue("@batch", Random.Shared.NextInt64(1, 1L << (62 - GrantBits)) << GrantBits);
        command.Parameters.AddWithValue("@created", created.UtcDateTime);
        command.Parameters.AddWithValue("@server", _shared.ServerName);
        command.Parameters.AddWithValue("@strategy", first.Sale.Strategy);
        _inTransaction = true;

        try
        {
            BatchReport report;
            // Commands are bounded by their timeout, not a token: see SaleTransaction.Uncancellable.
            await using (var reader = await command.ExecuteReaderAsync())
            {
                report = await ReadReportAsync(reader);
            }

            _inTransaction = false;
            return Decide(report, created);
        }
        catch (MySqlException exception) when (exception.SqlState is not null)
        {
            // The server refused a statement, so it never reached the COMMIT behind it: nothing was written. A duplicate
            // order cannot happen under the row lock; were it to, sending the batch again is as safe as for a conflict.
            await RollbackAsync();
            _shared.RecordConflict(_purchases[0].Sale.Strategy, exception);

            if (MySqlConflict.Is(exception) || exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                return null;
            }

            throw;
        }
        catch (Exception exception) when (exception is MySqlException or OperationCanceledException or IOException or TimeoutException)
        {
            // The commit may or may not have landed: ask MySQL, after making sure this session can no longer commit.
            _inTransaction = false;
            return await _shared.Verifier.VerifyAsync(_purchases, _sessionId, exception);
        }
    }

    private string BuyersJson()
    {
        var json = new StringBuilder("[");
        foreach (var purchase in _purchases)
        {
            json.Append(json.Length > 1 ? "," : "").Append(purchase.UserId.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }

    private static async Task<BatchReport> ReadReportAsync(MySqlDataReader reader)
    {
        var holders = new HashSet<long>();
        await ToRowsAsync(reader);
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetInt64(0));
        }

        await NextRowsAsync(reader);
        (bool Granted, int Grant, int Remaining)? row = null;
        if (await reader.ReadAsync())
        {
            var granted = reader.GetInt64(0) == 1;
            // Without this batch's token the difference is between two tokens, not a grant.
            row = (granted, granted ? (int)reader.GetInt64(1) : 0, reader.GetInt32(2));
        }

        await NextRowsAsync(reader);
        var orders = new Dictionary<long, long>();
        while (await reader.ReadAsync())
        {
            orders[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        // The COMMIT's acknowledgement.
        while (await reader.NextResultAsync())
        {
        }

        return new BatchReport(holders, row, orders);
    }

    private static async Task NextRowsAsync(MySqlDataReader reader)
    {
        if (!await reader.NextResultAsync())
        {
            throw new InvalidOperationException("The batch's round trip ended before its report.");
        }

        await ToRowsAsync(reader);
    }

    /// <summary>Skips the statements that return no rows (SET, UPDATE, INSERT), should the driver surface them.</summary>
    private static async Task ToRowsAsync(MySqlDataReader reader)
    {
        while (reader.FieldCount == 0)
        {
            if (!await reader.NextResultAsync())
            {
                throw new InvalidOperationException("The batch's round trip ended before its report.");
            }
        }
    }

    private PurchaseOutcome[] Decide(BatchReport report, DateTimeOffset created)
    {
        if (report.Ticket is not { } ticket)
        {
            return [.. _purchases.Select(_ => PurchaseOutcome.TicketNotFound)];
        }

        _shared.Hooks.AfterWrite(_purchases[0], ticket.Remaining);
        var outcomes = new PurchaseOutcome[_purchases.Count];
        var granted = ticket.Granted ? ticket.Grant : 0;
        var turn = 0;
        for (var i = 0; i < _purchases.Count; i++)
        {
            var purchase = _purchases[i];
            if (report.Holders.Contains(purchase.UserId))
            {
                outcomes[i] = PurchaseOutcome.AlreadyPurchased;
                continue;
            }

            // The first `granted` new buyers must have an order, the others none, and only for want of stock.
            var fits = turn++ < granted;
            var ordered = report.Orders.TryGetValue(purchase.UserId, out var orderId);
            if (ordered != fits || (!fits && ticket.Remaining > 0))
            {
                throw new InvalidOperationException(
                    $"The batch of ticket {purchase.TicketId} granted {granted} with {ticket.Remaining} left, yet new buyer {turn} (user {purchase.UserId}) {(ordered ? "has" : "has no")} order.");
            }

            outcomes[i] = ordered
                ? PurchaseOutcome.Sold(new TicketOrder
                {
                    Id = orderId,
                    TicketId = purchase.TicketId,
                    UserId = purchase.UserId,
                    CreatedAt = created,
                    ServedBy = _shared.ServerName,
                    Strategy = purchase.Sale.Strategy,
                })
                : PurchaseOutcome.SoldOut;
        }

        // Every buyer's answer says the stock is gone, so each server's purchase remembers it for the sale it looked up.
        return ticket.Remaining <= 0 ? [.. outcomes.Select(o => o with { StockExhausted = true })] : outcomes;
    }

    private async ValueTask RollbackAsync()
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        try
        {
            await using var rollback = new MySqlCommand(SaleSql.Rollback, _connection) { CommandTimeout = (int)RollbackTimeout.TotalSeconds };
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is MySqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // A session that cannot roll back is broken; MySQL rolls its transaction back when the session ends.
            _shared.LogRollbackFailed(exception, _purchases[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        await _connection.DisposeAsync();
    }

    /// <param name="Ticket">The ticket row after the batch: whether this batch's grant is on it, the grant, the stock left; null when there is no such ticket.</param>
    private sealed record BatchReport(HashSet<long> Holders, (bool Granted, int Grant, int Remaining)? Ticket, Dictionary<long, long> Orders);
}
