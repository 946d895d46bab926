namespace TicketRush.Rush.History;

/// <summary>Where purchases go: one server, or the gateway in front of them, named for the history.</summary>
public sealed record PurchaseTarget(string Label, HttpClient Client);
