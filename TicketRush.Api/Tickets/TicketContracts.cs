namespace TicketRush.Api.Tickets;

/// <param name="Strategy">The concurrency strategy every purchase of the ticket will use; the server's default when absent.</param>
public sealed record CreateTicketRequest(string? Name, int? Stock, string? Strategy);

/// <summary>
/// <paramref name="RemainingStock"/> is the stored stock column and <paramref name="OrderCount"/> the number of
/// order rows: after a lost update they disagree, which is how a race shows.
/// </summary>
public sealed record TicketResponse(long Id, string Name, int TotalStock, int RemainingStock, int OrderCount, string Strategy);
