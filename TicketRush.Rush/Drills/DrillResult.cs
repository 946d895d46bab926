using TicketRush.Rush.History;

namespace TicketRush.Rush.Drills;

/// <summary>A drill's rush, the checker's verdict over every attempt (healing sales included), the ticket at the end, and how long the rest took to sell (null: it did not).</summary>
public sealed record DrillResult(RushVerdict Rush, HistoryVerdict Verdict, TicketResponse After, TimeSpan? HealedIn);
