using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace TicketRush.Api.Purchasing.Sales;

/// <summary>
/// Finds the sale of a ticket id. A ticket's strategy never changes, so a found sale is cached (bounded); an unknown
/// id is not, so a ticket created on the other server a moment ago is found at once, and junk ids cannot fill memory.
/// </summary>
public sealed class SaleCatalog(MySqlDataSource database, IOptions<PurchaseOptions> options) : IDisposable
{
    private const int LookupTimeoutSeconds = 2;

    private readonly MemoryCache _sales = new(new MemoryCacheOptions { SizeLimit = options.Value.CachedSales });

    public async ValueTask<Sale?> FindAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (_sales.TryGetValue<Sale>(ticketId, out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            "SELECT strategy, admit_per_second, admission_seconds, overbooking FROM tickets WHERE id = @ticket", connection)
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
        return _sales.Set(ticketId, new Sale(ticketId, reader.GetString(0), admission), new MemoryCacheEntryOptions { Size = 1 });
    }

    public void Dispose() => _sales.Dispose();
}
