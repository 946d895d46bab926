namespace TicketRush.Contracts;

/// <summary>
/// How a strategy presents itself in <c>GET /api/strategies</c>.
/// <paramref name="Level"/> is the study's level ("0" to "3") or "beyond".
/// </summary>
public sealed record StrategyDescriptor(
    string Name,
    string Level,
    string Description,
    bool SafeOnOneServer,
    bool SafeAcrossServers);
