using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Data;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// Settles a commit that was sent but never acknowledged (a lost answer, a stalled server, the deadline): ends the
/// session that sent it, so nothing queued behind a stall can still commit, then looks for the order, on the database
/// the commit was sent to.
/// </summary>
internal sealed partial class CommitVerifier(
    PrimaryDatabases databases, IOptions<PurchaseOptions> options, TimeProvider time, ILogger<CommitVerifier> logger)
{
    private static readonly TimeSpan SessionPoll = TimeSpan.FromMilliseconds(10);

    public async Task<PurchaseOutcome> VerifyAsync(Purchase purchase, int sessionId, Exception cause) =>
        (await VerifyAsync([purchase], sessionId, cause))[0];

    /// <summary>Settles the unacknowledged commit of a batch: distinct buyers of one ticket, answered in the order given.</summary>
    public async Task<IReadOnlyList<PurchaseOutcome>> VerifyAsync(IReadOnlyList<Purchase> purchases, int sessionId, Exception cause)
    {
        var ticketId = purchases[0].TicketId;
        UnacknowledgedCommit(logger, cause, ticketId, purchases[0].UserId, purchases.Count);
        using var timeout = new CancellationTokenSource(options.Value.VerifyTimeout, time);
        try
        {
            // Commands are bounded by their own timeout, not a token: see SaleTransaction.Uncancellable.
            var seconds = Math.Max(1, (int)Math.Ceiling(options.Value.VerifyTimeout.TotalSeconds));
            // Abandoned when its time is up: it only ends a session and reads, so finishing late harms nothing.
            var orders = await LookAsync(ticketId, purchases, sessionId, seconds, timeout.Token).WaitAsync(timeout.Token);
            return [.. purchases.Select(p => orders.TryGetValue(p.UserId, out var order)
                ? PurchaseOutcome.Sold(order)
                : PurchaseOutcome.Unavailable(UnavailableReasons.Database))];
        }
        catch (Exception exception) when (exception is MySqlException or OperationCanceledException or IOException or TimeoutException)
        {
            Unverified(logger, exception, ticketId, purchases[0].UserId, purchases.Count);
            return [.. purchases.Select(_ => PurchaseOutcome.OutcomeUnknown)];
        }
    }

    private async Task<Dictionary<long, TicketOrder>> LookAsync(
        long ticketId, IReadOnlyList<Purchase> purchases, int sessionId, int commandTimeout, CancellationToken cancellationToken)
    {
        await using var connection = await databases.For(purchases[0].Sale.HomeDatabase).OpenConnectionAsync(cancellationToken);
        await EndSessionAsync(connection, sessionId, commandTimeout, cancellationToken);
        return await FindOrdersAsync(connection, ticketId, purchases, commandTimeout);
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

    private static async Task<Dictionary<long, TicketOrder>> FindOrdersAsync(
        MySqlConnection connection, long ticketId, IReadOnlyList<Purchase> purchases, int commandTimeout)
    {
        await using var find = new MySqlCommand { Connection = connection, CommandTimeout = commandTimeout };
        find.Parameters.AddWithValue("@ticket", ticketId);
        var users = new List<string>(purchases.Count);
        foreach (var purchase in purchases)
        {
            var name = $"@user{users.Count}";
            users.Add(name);
            find.Parameters.AddWithValue(name, purchase.UserId);
        }

        find.CommandText =
            $"SELECT user_id, id, created_at, served_by, strategy FROM ticket_orders WHERE ticket_id = @ticket AND user_id IN ({string.Join(", ", users)})";
        var orders = new Dictionary<long, TicketOrder>();
        await using var reader = await find.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var userId = reader.GetInt64(0);
            orders[userId] = new TicketOrder
            {
                Id = reader.GetInt64(1),
                TicketId = ticketId,
                UserId = userId,
                CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)),
                ServedBy = reader.GetString(3),
                Strategy = reader.GetString(4),
            };
        }

        return orders;
    }

    [LoggerMessage(LogLevel.Warning, "The purchase of ticket {TicketId} by user {UserId} (with {Buyers} buyer(s) in its transaction) sent its commit without an answer; verifying")]
    private static partial void UnacknowledgedCommit(ILogger logger, Exception exception, long ticketId, long userId, int buyers);

    [LoggerMessage(LogLevel.Error, "The purchase of ticket {TicketId} by user {UserId} (with {Buyers} buyer(s) in its transaction) could not be verified; its outcome is unknown")]
    private static partial void Unverified(ILogger logger, Exception exception, long ticketId, long userId, int buyers);
}
