namespace TicketRush.Rush.Soak;

/// <summary>How hard and how long a soak loads each strategy.</summary>
/// <param name="Duration">How long each strategy is loaded.</param>
/// <param name="ConcurrencyPerServer">Purchase loops running at once against each server.</param>
/// <param name="AbortRatio">Fraction of purchases the client cancels after 1–30 ms, dropping the connection mid-request.</param>
/// <param name="Stock">Stock of each strategy's ticket.</param>
/// <param name="AdminKey">X-Admin-Key for creating the tickets.</param>
public sealed record SoakSettings(TimeSpan Duration, int ConcurrencyPerServer, double AbortRatio, int Stock, string AdminKey)
{
    /// <summary>Bounds of the random delay after which an aborted purchase is cancelled: short enough to cut most requests mid-flight.</summary>
    public const int ShortestAbortMilliseconds = 1, LongestAbortMilliseconds = 30;
}
