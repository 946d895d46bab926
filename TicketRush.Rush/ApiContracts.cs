namespace TicketRush.Rush;

public sealed record TicketDto(long Id, string Name, int TotalStock, int RemainingStock, int OrderCount, string Strategy, WaitingRoomDto? WaitingRoom = null);

/// <summary>A ticket's waiting room: buyers admitted per second in the order they joined, each for <paramref name="AdmissionSeconds"/>.</summary>
public sealed record WaitingRoomDto(int AdmitPerSecond, int AdmissionSeconds = 30, int Overbooking = 0);

/// <param name="RetryAfterSeconds">When the server asks this buyer to look again (also <c>Retry-After</c>); null once the status is final.</param>
public sealed record QueueStatusDto(
    long Position, long Ahead, int EstimatedWaitSeconds, string Status, string? AdmissionToken, DateTimeOffset? AdmittedUntil, int? RetryAfterSeconds = null);

public sealed record OrderDto(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy);

public sealed record OrderPageDto(List<OrderDto> Items, int PageSize, string? Next);

public sealed record StrategyDto(string Name, string Level, string Description, bool SafeOnOneServer, bool SafeAcrossServers);

public sealed record ProblemDto(int Status, string? Title, string? Detail, string? Code);
