namespace TicketRush.Api.Tickets;

public sealed record CreateTicketRequest(string? Name, int? Stock);

/// <summary>
/// <paramref name="RemainingStock"/> is the stored stock column and <paramref name="OrderCount"/> the number of
/// order rows: after a lost update they disagree, which is how a race shows.
/// </summary>
public sealed record TicketResponse(long Id, string Name, int TotalStock, int RemainingStock, int OrderCount);
