namespace TicketRush.Rush;

/// <summary>
/// The strategies TicketRush.Api registers, for the one caller that must name them before any server runs: the
/// AppHost's per-strategy dashboard commands. Anything that can ask a running server uses <c>GET /api/strategies</c>
/// instead; a dashboard test compares the commands built from this list with that catalogue, so the two cannot drift.
/// </summary>
public static class KnownStrategies
{
    public static IReadOnlyList<string> Names { get; } = ["none", "lock", "semaphore", "pessimistic", "optimistic", "redlock", "atomic", "redis-counter"];
}
