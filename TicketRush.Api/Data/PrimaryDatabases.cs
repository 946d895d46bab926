using MySqlConnector;

namespace TicketRush.Api.Data;

/// <summary>
/// A pool to every primary this server can write: its own (<see cref="Local"/>, the one everything else uses) and, with
/// several, each other one by name. A sale is written where its ticket lives, so the database's locks see every buyer.
/// </summary>
internal sealed class PrimaryDatabases(string localName, MySqlDataSource local, IReadOnlyDictionary<string, MySqlDataSource> others) : IAsyncDisposable
{
    public string LocalName { get; } = localName;

    public MySqlDataSource Local { get; } = local;

    /// <summary>Every primary's name, this server's own included.</summary>
    public IReadOnlyList<string> Names { get; } = [localName, .. others.Keys];

    /// <summary>Whether more than one primary holds the data.</summary>
    public bool AreSeveral => others.Count > 0;

    public bool Knows(string name) => name == LocalName || others.ContainsKey(name);

    /// <summary>The pool of the ticket's home database; this server's own for a ticket without one (each server writes its own copy).</summary>
    public MySqlDataSource For(string? home) =>
        home is null || home == LocalName ? Local
        : others.TryGetValue(home, out var source) ? source
        : throw new InvalidOperationException($"This server has no connection to database '{home}'; it knows {string.Join(", ", Names)}.");

    public async ValueTask DisposeAsync()
    {
        // The local pool belongs to the container; the others were built here.
        foreach (var source in others.Values)
        {
            await source.DisposeAsync();
        }
    }
}
