namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>What the Redis reservation script answered.</summary>
internal enum Reservation
{
    Reserved = 1,
    SoldOut = 0,

    /// <summary>MySQL holds the buyer's order (Redis marks a buyer bought only on MySQL's word).</summary>
    AlreadyBought = -1,
    NotSeeded = -2,

    /// <summary>The buyer's earlier reservation is neither an order nor given back yet: a purchase in flight, or one that died and waits for its lease.</summary>
    Pending = -3,
}
