using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Dependencies;

namespace TicketRush.Api.Catalog;

/// <summary>
/// Finds the sale of a ticket id. A ticket's strategy never changes, so a found sale is cached (bounded); an unknown
/// id is not, so a ticket created on the other server a moment ago is found at once, and junk ids cannot fill memory.
/// </summary>
internal sealed partial class SaleCatalog(MySqlDataSource database, IOptions<CatalogOptions> options, TimeProvider time, ILogger<SaleCatalog> logger) : IDisposable
{
    private const int LookupTimeoutSeconds = 2;

    // A flood of rejections costs MySQL at most one read per ticket per this interval on each server.
    private static readonly TimeSpan SoldOutCheckGap = TimeSpan.FromMilliseconds(100);

    private readonly MemoryCache _sales = new(new MemoryCacheOptions { SizeLimit = options.Value.CachedSales });

    public async ValueTask<Sale?> FindAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (_sales.TryGetValue<Sale>(ticketId, out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "SELECT strategy, admit_per_second, admission_seconds, overbooking, home_database FROM tickets WHERE id = @ticket", connection)
        {
            CommandTimeout = LookupTimeoutSeconds,
        };
        command.Parameters.AddWithValue("@ticket", ticketId);
        // Bounded by the command timeout, not the token: see SaleTransaction.Uncancellable.
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var admission = reader.IsDBNull(1)
            ? null
            : new AdmissionRules(reader.GetInt32(1), TimeSpan.FromSeconds(reader.GetInt32(2)), reader.GetInt32(3));
        return _sales.Set(ticketId, new Sale(ticketId, reader.GetString(0), admission, reader.IsDBNull(4) ? null : reader.GetString(4)), new MemoryCacheEntryOptions { Size = 1 });
    }

    /// <summary>
    /// For a sale whose buyers something outside MySQL (the Redis counter) turns away: that "sold out" holds for now, as a
    /// pending reservation may yet be given back, while MySQL's holds for good. This asks MySQL in the background, so the
    /// buyer is not kept waiting; once it says none is left, this server answers from memory like every safe strategy.
    /// </summary>
    public void CheckSoldOutInBackground(Sale sale)
    {
        if (sale.TryClaimSoldOutCheck(time.GetTimestamp(), (long)(SoldOutCheckGap.TotalSeconds * time.TimestampFrequency)))
        {
            _ = CheckSoldOutAsync(sale);
        }
    }

    private async Task CheckSoldOutAsync(Sale sale)
    {
        try
        {
            if (await ReadRemainingStockAsync(sale.TicketId) <= 0)
            {
                sale.MarkSoldOut();
            }
        }
        catch (Exception exception) when (DependencyFailure.IsUnavailableOrAbandoned(exception))
        {
            // The next rejection asks again.
            SoldOutCheckFailed(logger, exception, sale.TicketId);
        }
        catch (Exception exception)
        {
            // Nobody awaits this task: a bug is logged, never left unobserved.
            SoldOutCheckBroke(logger, exception, sale.TicketId);
        }
        finally
        {
            sale.EndSoldOutCheck();
        }
    }

    /// <summary>
    /// The ticket's remaining stock as MySQL holds it now; null when there is no such ticket. Bounded by the pool's
    /// connection timeout and the command timeout, for callers nobody waits for (background work).
    /// </summary>
    public async Task<int?> ReadRemainingStockAsync(long ticketId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new MySqlCommand("SELECT remaining_stock FROM tickets WHERE id = @ticket", connection)
        {
            CommandTimeout = LookupTimeoutSeconds,
        };
        command.Parameters.AddWithValue("@ticket", ticketId);
        return await command.ExecuteScalarAsync() is { } remaining ? Convert.ToInt32(remaining, CultureInfo.InvariantCulture) : null;
    }

    [LoggerMessage(LogLevel.Debug, "Asking MySQL whether ticket {TicketId} is sold out failed")]
    private static partial void SoldOutCheckFailed(ILogger logger, Exception exception, long ticketId);

    [LoggerMessage(LogLevel.Error, "Asking MySQL whether ticket {TicketId} is sold out broke")]
    private static partial void SoldOutCheckBroke(ILogger logger, Exception exception, long ticketId);

    public void Dispose() => _sales.Dispose();
}
