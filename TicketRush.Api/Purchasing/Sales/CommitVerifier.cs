using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Data;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// Settles a commit that was sent but never acknowledged (a lost answer, a stalled server, the deadline): ends the
/// session that sent it, so nothing queued behind a stall can still commit, then looks for the order, on the database
/// the commit was sent to.
/// </summary>
public sealed partial class CommitVerifier(
    PrimaryDatabases databases, IOptions<PurchaseOptions> options, TimeProvider time, ILogger<CommitVerifier> logger)
{
    private static readonly TimeSpan SessionPoll = TimeSpan.FromMilliseconds(10);

    public async Task<PurchaseOutcome> VerifyAsync(Purchase purchase, int sessionId, Exception cause)
    {
        UnacknowledgedCommit(logger, cause, purchase.TicketId, purchase.UserId);
        using var timeout = new CancellationTokenSource(options.Value.VerifyTimeout, time);
        try
        {
            // Commands are bounded by their own timeout, not a token: see SaleTransaction.Uncancellable.
            var seconds = Math.Max(1, (int)Math.Ceiling(options.Value.VerifyTimeout.TotalSeconds));
            // Abandoned when its time is up: it only ends a session and reads, so finishing late harms nothing.
            return await LookAsync(purchase, sessionId, seconds, timeout.Token).WaitAsync(timeout.Token) is { } order
                ? PurchaseOutcome.Sold(order)
                : PurchaseOutcome.Unavailable(UnavailableReasons.Database);
        }
        catch (Exception exception) when (exception is MySqlException or OperationCanceledException or IOException or TimeoutException)
        {
            Unverified(logger, exception, purchase.TicketId, purchase.UserId);
            return PurchaseOutcome.OutcomeUnknown;
        }
    }

    private async Task<TicketOrder?> LookAsync(Purchase purchase, int sessionId, int commandTimeout, CancellationToken cancellationToken)
    {
        await using var connection = await databases.For(purchase.Sale.HomeDatabase).OpenConnectionAsync(cancellationToken);
        await EndSessionAsync(connection, sessionId, commandTimeout, cancellationToken);
        return await FindOrderAsync(connection, purchase.Command, commandTimeout);
    }

    private async Task EndSessionAsync(MySqlConnection connection, int sessionId, int commandTimeout, CancellationToken cancellationToken)
    {
        try
        {
            await using var kill = new MySqlCommand($"KILL CONNECTION {sessionId}", connection) { CommandTimeout = commandTimeout };
            await kill.ExecuteNonQueryAsync();
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.NoSuchThread)
        {
            // Already gone: its transaction is settled.
        }

        await using var alive = new MySqlCommand("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = @session", connection) { CommandTimeout = commandTimeout };
        alive.Parameters.AddWithValue("@session", sessionId);
        while (Convert.ToInt64(await alive.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            await Task.Delay(SessionPoll, time, cancellationToken);
        }
    }

    private static async Task<TicketOrder?> FindOrderAsync(MySqlConnection connection, PurchaseCommand command, int commandTimeout)
    {
        await using var find = new MySqlCommand(
            "SELECT id, created_at, served_by, strategy FROM ticket_orders WHERE ticket_id = @ticket AND user_id = @user", connection)
        {
            CommandTimeout = commandTimeout,
        };
        find.Parameters.AddWithValue("@ticket", command.TicketId);
        find.Parameters.AddWithValue("@user", command.UserId);
        await using var reader = await find.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new TicketOrder
        {
            Id = reader.GetInt64(0),
            TicketId = command.TicketId,
            UserId = command.UserId,
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)),
            ServedBy = reader.GetString(2),
            Strategy = reader.GetString(3),
        };
    }

    [LoggerMessage(LogLevel.Warning, "The purchase of ticket {TicketId} by user {UserId} sent its commit without an answer; verifying")]
    private static partial void UnacknowledgedCommit(ILogger logger, Exception exception, long ticketId, long userId);

    [LoggerMessage(LogLevel.Error, "The purchase of ticket {TicketId} by user {UserId} could not be verified; its outcome is unknown")]
    private static partial void Unverified(ILogger logger, Exception exception, long ticketId, long userId);
}
