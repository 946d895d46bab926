namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>A reservation that outlived its lease unsettled; <paramref name="LeaseId"/> names that reservation and no later one of the same buyer.</summary>
internal sealed record ExpiredReservation(long UserId, string LeaseId);
