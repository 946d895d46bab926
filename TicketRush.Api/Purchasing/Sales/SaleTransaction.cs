using MySqlConnector;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// One purchase's conversation with MySQL, as named steps a strategy composes: read the stock (plainly or locked),
/// check it (<see cref="StockRead.Refusal"/>), then one write step that writes the stock (blind, fenced or
/// conditional), saves the order and commits in a single round trip, so the row lock is held as briefly as possible.
/// </summary>
/// <remarks>
/// Plain reads run outside any transaction: no snapshot is kept, so MariaDB's snapshot isolation (on by default from
/// 11.6.2) has nothing to fail a later write with. The statements are in <see cref="SaleSql"/>, their parameters and
/// meaning in <see cref="SaleCommands"/>, shared with the <c>lock</c> strategy's <see cref="BlockingSaleTransaction"/>.
/// A commit that was sent but not acknowledged is verified, never guessed. The steps report what MySQL said (an
/// outcome's <see cref="PurchaseOutcome.StockExhausted"/>); they do not write to the sale catalog.
/// </remarks>
internal sealed class SaleTransaction : IAsyncDisposable
{
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
    public Task<StockRead> ReadStockAsync(CancellationToken cancellationToken) => ReadAsync(locking: false, cancellationToken);

    /// <summary><c>START TRANSACTION; SELECT … FOR UPDATE</c>: the row stays locked until this transaction ends.</summary>
    public Task<StockRead> ReadStockForUpdateAsync(CancellationToken cancellationToken) => ReadAsync(locking: true, cancellationToken);

    /// <summary>
    /// <c>UPDATE … SET remaining_stock = read − 1</c> whatever it is now, the order, <c>COMMIT</c>: right under a lock
    /// that covers every writer, a lost update without one.
    /// </summary>
    public async Task<PurchaseOutcome> CommitBlindWriteAsync(StockRead read, CancellationToken cancellationToken) =>
        (await CommitAsync(StockWrite.Blind, read, cancellationToken))!;

    /// <summary>
    /// <c>UPDATE … WHERE version = read version</c>, the order, <c>COMMIT</c>. Null when somebody wrote the ticket since
    /// it was read (0 rows, or MariaDB's error 1020): nothing was written, the caller decides whether to retry.
    /// </summary>
    public Task<PurchaseOutcome?> CommitFencedWriteAsync(StockRead read, CancellationToken cancellationToken) =>
        CommitAsync(StockWrite.Fenced, read, cancellationToken);

    /// <summary><c>UPDATE … SET remaining_stock = remaining_stock − 1 WHERE remaining_stock &gt; 0</c>, the order, <c>COMMIT</c>: the database decides.</summary>
    public async Task<PurchaseOutcome> CommitConditionalDecrementAsync(CancellationToken cancellationToken) =>
        (await CommitAsync(StockWrite.ConditionalDecrement, read: null, cancellationToken))!;

    private async Task<StockRead> ReadAsync(bool locking, CancellationToken cancellationToken)
    {
        await using var command = SaleCommands.Read(_connection, _purchase, locking);
        _inTransaction |= locking;
        _readFirst = true;

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(Uncancellable);
            return await reader.ReadAsync(Uncancellable) ? SaleCommands.ReadRow(reader, locking) : StockRead.Missing;
        }
        catch (MySqlException exception) when (MySqlConflict.Is(exception))
        {
            // A locking read chosen as a deadlock victim, or aborted by a Galera node applying another node's commit.
            _shared.RecordConflict(_purchase.Sale.Strategy, exception);
            throw;
        }
    }

    /// <returns>The outcome; null only for a fenced write that found the ticket changed.</returns>
    private async Task<PurchaseOutcome?> CommitAsync(StockWrite write, StockRead? read, CancellationToken cancellationToken)
    {
        await _shared.Hooks.BeforeWriteAsync(_purchase, _readFirst, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var order = SaleCommands.NewOrder(_purchase, _shared);
        await using var command = SaleCommands.Write(_connection, _purchase, write, read, order, _inTransaction);
        _inTransaction = true;

        try
        {
            await using var reader = await command.ExecuteReaderAsync(Uncancellable);
            while (!SaleCommands.IsReport(reader) || !await reader.ReadAsync(Uncancellable))
            {
                if (!await reader.NextResultAsync(Uncancellable))
                {
                    throw new InvalidOperationException("The sale's round trip returned no report.");
                }
            }

            var report = SaleCommands.ReadReport(reader);
            while (await reader.NextResultAsync(Uncancellable))
            {
            }

            _inTransaction = false;
            return SaleCommands.Decide(report, write, _purchase, order, _shared.Hooks);
        }
        catch (MySqlException exception) when (exception.SqlState is not null)
        {
            // The server refused a statement, so it never reached the COMMIT behind it: nothing was written.
            await RollbackAsync();
            _shared.RecordConflict(_purchase.Sale.Strategy, exception);
            if (SaleCommands.TryExplainRefusal(exception, write, out var outcome))
            {
                return outcome;
            }

            throw;
        }
        catch (Exception exception) when (SaleCommands.LeavesCommitUnknown(exception))
        {
            // The commit may or may not have landed: ask MySQL, after making sure this session can no longer commit.
            _inTransaction = false;
            return await _shared.Verifier.VerifyAsync(_purchase, _sessionId, exception);
        }
    }

    private async Task RollbackAsync()
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        try
        {
            await using var rollback = SaleCommands.Rollback(_connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (SaleCommands.IsBrokenSession(exception))
        {
            // A session that cannot roll back is broken; MySQL rolls its transaction back when the session ends.
            _shared.LogRollbackFailed(exception, _purchase);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        await _connection.DisposeAsync();
    }
}
