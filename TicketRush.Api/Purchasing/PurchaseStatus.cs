namespace TicketRush.Api.Purchasing;

public enum PurchaseStatus
{
    Sold,
    SoldOut,
    AlreadyPurchased,
    TicketNotFound,
    Unavailable,
}
