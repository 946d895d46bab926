using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// One purchase's conversation with MySQL, as named steps a strategy composes: read the stock (plainly or locked),
/// check it (<see cref="StockRead.Refusal"/>), then one write step that writes the stock (blind, fenced or
/// conditional), saves the order and commits in a single round trip, so the row lock is held as briefly as possible.
/// </summary>
/// <remarks>
/// Plain reads run outside any transaction: no snapshot is kept, so MariaDB's snapshot isolation (on by default from
/// 11.6.2) has nothing to fail a later write with. Each step has a blocking twin for the <c>lock</c> strategy, which
/// holds a monitor and must not await; both run the same code (<c>blocking</c> picks the driver's sync or async calls).
/// A commit that was sent but not acknowledged is verified, never guessed.
/// </remarks>
public sealed class SaleTransaction : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What MySQL commands are given instead of the deadline's token. The driver answers a cancelled token by opening a
    /// connection synchronously to send <c>KILL QUERY</c>, on the thread that cancelled it; with MySQL frozen, every
    /// purchase reaching its deadline would park a pool thread. Commands are bounded by their timeout instead (the
    /// deadline's remaining seconds), which closes the connection outright (<c>CancellationTimeout=-1</c>).
    /// </summary>
    private static readonly CancellationToken Uncancellable = CancellationToken.None;

    private readonly MySqlConnection _connection;
    private readonly int _sessionId;
    private readonly Purchase _purchase;
    private readonly SaleTransactionFactory _shared;
    private bool _inTransaction;
    private bool _readFirst;

    internal SaleTransaction(MySqlConnection connection, Purchase purchase, SaleTransactionFactory shared)
    {
        _connection = connection;
        // Kept now: a connection that broke mid-commit no longer says which session it was, and verification needs it.
        _sessionId = connection.ServerThread;
        _purchase = purchase;
        _shared = shared;
    }

    /// <summary><c>SELECT remaining_stock, version</c> and whether the buyer holds an order: a plain read, no lock, outside any transaction.</summary>
    public Task<StockRead> ReadStockAsync(CancellationToken cancellationToken) =>
        ReadAsync(locking: false, blocking: false, cancellationToken).AsTask();

    /// <inheritdoc cref="ReadStockAsync"/>
    public StockRead ReadStock() => ReadAsync(locking: false, blocking: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary><c>START TRANSACTION; SELECT … FOR UPDATE</c>: the row stays locked until this transaction ends.</summary>
    public Task<StockRead> ReadStockForUpdateAsync(CancellationToken cancellationToken) =>
        ReadAsync(locking: true, blocking: false, cancellationToken).AsTask();

    /// <summary>
    /// <c>UPDATE … SET remaining_stock = read − 1</c> whatever it is now, the order, <c>COMMIT</c>: right under a lock
    /// that covers every writer, a lost update without one.
    /// </summary>
    public async Task<PurchaseOutcome> CommitBlindWriteAsync(StockRead read, CancellationToken cancellationToken) =>
        (await CommitAsync(StockWrite.Blind, read, blocking: false, cancellationToken))!;

    /// <inheritdoc cref="CommitBlindWriteAsync"/>
    public PurchaseOutcome CommitBlindWrite(StockRead read) =>
        CommitAsync(StockWrite.Blind, read, blocking: true, CancellationToken.None).GetAwaiter().GetResult()!;

    /// <summary>
    /// <c>UPDATE … WHERE version = read version</c>, the order, <c>COMMIT</c>. Null when somebody wrote the ticket since
    /// it was read (0 rows, or MariaDB's error 1020): nothing was written, the caller decides whether to retry.
    /// </summary>
    public Task<PurchaseOutcome?> CommitFencedWriteAsync(StockRead read, CancellationToken cancellationToken) =>
        CommitAsync(StockWrite.Fenced, read, blocking: false, cancellationToken).AsTask();

    /// <summary><c>UPDATE … SET remaining_stock = remaining_stock − 1 WHERE remaining_stock &gt; 0</c>, the order, <c>COMMIT</c>: the database decides.</summary>
    public async Task<PurchaseOutcome> CommitConditionalDecrementAsync(CancellationToken cancellationToken) =>
        (await CommitAsync(StockWrite.ConditionalDecrement, read: null, blocking: false, cancellationToken))!;

    private async ValueTask<StockRead> ReadAsync(bool locking, bool blocking, CancellationToken cancellationToken)
    {
        await using var command = NewCommand(locking ? $"{SaleSql.StartTransaction} {SaleSql.ReadStockForUpdate}" : SaleSql.ReadStock);
        _inTransaction |= locking;
        _readFirst = true;

        cancellationToken.ThrowIfCancellationRequested();
        var reader = blocking ? command.ExecuteReader() : await command.ExecuteReaderAsync(Uncancellable);
        try
        {
            var row = await NextRowAsync(reader, blocking);
            return row ? new StockRead(true, reader.GetInt32(0), reader.GetInt32(1), !locking && reader.GetBoolean(2)) : StockRead.Missing;
        }
        finally
        {
            await DisposeAsync(reader, blocking);
        }
    }

    /// <returns>The outcome; null only for a fenced write that found the ticket changed.</returns>
    private async ValueTask<PurchaseOutcome?> CommitAsync(StockWrite write, StockRead? read, bool blocking, CancellationToken cancellationToken)
    {
        await _shared.Hooks.BeforeWriteAsync(_purchase, _readFirst, blocking, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var order = new TicketOrder
        {
            TicketId = _purchase.TicketId,
            UserId = _purchase.UserId,
            CreatedAt = _shared.Time.GetUtcNow(),
            ServedBy = _shared.ServerName,
            Strategy = _purchase.Sale.Strategy,
        };
        var stockWriteSql = write switch
        {
            StockWrite.Blind => SaleSql.BlindWrite,
            StockWrite.Fenced => SaleSql.FencedWrite,
            _ => SaleSql.ConditionalDecrement,
        };
        await using var command = NewCommand($"{Begin(write)} {stockWriteSql}; {SaleSql.SaveOrderAndCommit}");
        command.Parameters.AddWithValue("@created", order.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue("@server", order.ServedBy);
        command.Parameters.AddWithValue("@strategy", order.Strategy);
        command.Parameters.AddWithValue("@remaining", (read?.Remaining ?? 0) - 1);
        command.Parameters.AddWithValue("@version", read?.Version ?? 0);
        command.Parameters.AddWithValue("@sale", Random.Shared.NextInt64(1, long.MaxValue));
        _inTransaction = true;

        try
        {
            var reader = blocking ? command.ExecuteReader() : await command.ExecuteReaderAsync(Uncancellable);
            try
            {
                while (reader.FieldCount != 3 || !await NextRowAsync(reader, blocking))
                {
                    if (!(blocking ? reader.NextResult() : await reader.NextResultAsync(Uncancellable)))
                    {
                        throw new InvalidOperationException("The sale's round trip returned no report.");
                    }
                }

                var sold = !reader.IsDBNull(0) && reader.GetInt64(0) == 1;
                order.Id = reader.GetInt64(1);
                var remaining = reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2);
                while (blocking ? reader.NextResult() : await reader.NextResultAsync(Uncancellable))
                {
                }

                _inTransaction = false;
                return Decide(write, sold, order, remaining);
            }
            finally
            {
                await DisposeAsync(reader, blocking);
            }
        }
        catch (MySqlException exception) when (exception.SqlState is not null)
        {
            // The server refused a statement, so it never reached the COMMIT behind it: nothing was written.
            await RollbackAsync(blocking);
            if (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                return PurchaseOutcome.AlreadyPurchased;
            }

            if (write == StockWrite.Fenced && MySqlConflict.Is(exception))
            {
                return null;
            }

            throw;
        }
        catch (Exception exception) when (exception is MySqlException or OperationCanceledException or IOException or TimeoutException)
        {
            // The commit may or may not have landed: ask MySQL, after making sure this session can no longer commit.
            _inTransaction = false;
            return await _shared.Verifier.VerifyAsync(_purchase, _sessionId, exception);
        }
    }

    private PurchaseOutcome? Decide(StockWrite write, bool sold, TicketOrder order, int? remaining)
    {
        if (remaining is { } left)
        {
            _shared.Hooks.AfterWrite(_purchase, left);
        }

        if (sold)
        {
            return PurchaseOutcome.Sold(order);
        }

        if (remaining is null)
        {
            return PurchaseOutcome.TicketNotFound;
        }

        switch (write)
        {
            case StockWrite.ConditionalDecrement:
                return PurchaseOutcome.SoldOutInDatabase;
            case StockWrite.Fenced:
                return null;
            default:
                throw new InvalidOperationException("A blind write matched no row of an existing ticket.");
        }
    }

    /// <summary>
    /// Opens the write's transaction unless a locking read already did. A conditional write runs READ COMMITTED: its
    /// UPDATE then skips a row whose last committed state fails the condition (sold out, version moved on) instead of
    /// queueing on that row's lock (InnoDB's semi-consistent read); a row that may still match is waited for and
    /// re-checked, so the answer is the same, only sooner.
    /// </summary>
    private string Begin(StockWrite write) =>
        _inTransaction ? ""
        : write == StockWrite.Blind ? SaleSql.StartTransaction
        : SaleSql.StartReadCommittedTransaction;

    private MySqlCommand NewCommand(string sql)
    {
        var command = new MySqlCommand(sql, _connection) { CommandTimeout = _purchase.Deadline.RemainingSeconds };
        command.Parameters.AddWithValue("@ticket", _purchase.TicketId);
        command.Parameters.AddWithValue("@user", _purchase.UserId);
        return command;
    }

    private static async ValueTask<bool> NextRowAsync(MySqlDataReader reader, bool blocking) =>
        blocking ? reader.Read() : await reader.ReadAsync(Uncancellable);

    private static async ValueTask DisposeAsync(MySqlDataReader reader, bool blocking)
    {
        if (blocking)
        {
            reader.Dispose();
        }
        else
        {
            await reader.DisposeAsync();
        }
    }

    private async ValueTask RollbackAsync(bool blocking)
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        try
        {
            await using var rollback = new MySqlCommand(SaleSql.Rollback, _connection) { CommandTimeout = (int)RollbackTimeout.TotalSeconds };
            if (blocking)
            {
                rollback.ExecuteNonQuery();
            }
            else
            {
                await rollback.ExecuteNonQueryAsync();
            }
        }
        catch (Exception exception) when (exception is MySqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // A session that cannot roll back is broken; MySQL rolls its transaction back when the session ends.
            _shared.LogRollbackFailed(exception, _purchase);
        }
    }

    private enum StockWrite
    {
        Blind,
        Fenced,
        ConditionalDecrement,
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync(blocking: false);
        await _connection.DisposeAsync();
    }

    public void Dispose()
    {
        RollbackAsync(blocking: true).AsTask().GetAwaiter().GetResult();
        _connection.Dispose();
    }
}
