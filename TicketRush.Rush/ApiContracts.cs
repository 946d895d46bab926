namespace TicketRush.Rush;

public sealed record TicketDto(long Id, string Name, int TotalStock, int RemainingStock, int OrderCount, string Strategy);

public sealed record OrderDto(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy);

public sealed record OrderPageDto(List<OrderDto> Items, int Page, int PageSize, int TotalCount);

public sealed record StrategyDto(string Name, string Level, string Description, bool SafeOnOneServer, bool SafeAcrossServers);

public sealed record ProblemDto(int Status, string? Title, string? Detail, string? Code);
