namespace TicketRush.Contracts;

/// <summary>Where a buyer stands in a ticket's waiting line (<see cref="QueueStatusResponse.Status"/>).</summary>
public static class QueueStatuses
{
    public const string Waiting = "waiting";
    public const string Admitted = "admitted";
    public const string Purchased = "purchased";
    public const string Expired = "expired";
    public const string SoldOut = "sold-out";
}
