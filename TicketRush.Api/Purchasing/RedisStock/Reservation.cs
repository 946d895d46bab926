namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>What the Redis reservation script answered.</summary>
public enum Reservation
{
    Reserved = 1,
    SoldOut = 0,
    AlreadyBought = -1,
    NotSeeded = -2,
}
