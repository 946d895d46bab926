using MySqlConnector;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// The <c>lock</c> strategy's sale: a plain read and a blind write, each a blocking driver call, for a buyer that holds
/// a monitor on one of the strategy's own threads and must not await. The same statements, parameters and verdicts as
/// <see cref="SaleTransaction"/> (<see cref="SaleCommands"/>); only the driver calls block.
/// </summary>
internal sealed class BlockingSaleTransaction : IDisposable
{
    private readonly MySqlConnection _connection;
    private readonly int _sessionId;
    private readonly Purchase _purchase;
    private readonly SaleTransactionFactory _shared;
    private bool _inTransaction;

    internal BlockingSaleTransaction(MySqlConnection connection, Purchase purchase, SaleTransactionFactory shared)
    {
        _connection = connection;
        // Kept now: a connection that broke mid-commit no longer says which session it was, and verification needs it.
        _sessionId = connection.ServerThread;
        _purchase = purchase;
        _shared = shared;
    }

    /// <inheritdoc cref="SaleTransaction.ReadStockAsync"/>
    public StockRead ReadStock()
    {
        using var command = SaleCommands.Read(_connection, _purchase, locking: false);
        using var reader = command.ExecuteReader();
        return reader.Read() ? SaleCommands.ReadRow(reader, locking: false) : StockRead.Missing;
    }

    /// <inheritdoc cref="SaleTransaction.CommitBlindWriteAsync"/>
    public PurchaseOutcome CommitBlindWrite(StockRead read)
    {
        _shared.Hooks.BeforeBlockingWrite(_purchase);
        var order = SaleCommands.NewOrder(_purchase, _shared);
        using var command = SaleCommands.Write(_connection, _purchase, StockWrite.Blind, read, order, _inTransaction);
        _inTransaction = true;

        try
        {
            using var reader = command.ExecuteReader();
            while (!SaleCommands.IsReport(reader) || !reader.Read())
            {
                if (!reader.NextResult())
                {
                    throw new InvalidOperationException("The sale's round trip returned no report.");
                }
            }

            var report = SaleCommands.ReadReport(reader);
            while (reader.NextResult())
            {
            }

            _inTransaction = false;
            return SaleCommands.Decide(report, StockWrite.Blind, _purchase, order, _shared.Hooks)!;
        }
        catch (MySqlException exception) when (exception.SqlState is not null)
        {
            // The server refused a statement, so it never reached the COMMIT behind it: nothing was written.
            Rollback();
            _shared.RecordConflict(_purchase.Sale.Strategy, exception);
            if (SaleCommands.TryExplainRefusal(exception, StockWrite.Blind, out var outcome))
            {
                return outcome!;
            }

            throw;
        }
        catch (Exception exception) when (SaleCommands.LeavesCommitUnknown(exception))
        {
            // The commit may or may not have landed: ask MySQL, after making sure this session can no longer commit.
            // Verifying waits on this thread, which is the strategy's own.
            _inTransaction = false;
            return _shared.Verifier.VerifyAsync(_purchase, _sessionId, exception).GetAwaiter().GetResult();
        }
    }

    private void Rollback()
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        try
        {
            using var rollback = SaleCommands.Rollback(_connection);
            rollback.ExecuteNonQuery();
        }
        catch (Exception exception) when (SaleCommands.IsBrokenSession(exception))
        {
            // A session that cannot roll back is broken; MySQL rolls its transaction back when the session ends.
            _shared.LogRollbackFailed(exception, _purchase);
        }
    }

    public void Dispose()
    {
        Rollback();
        _connection.Dispose();
    }
}
