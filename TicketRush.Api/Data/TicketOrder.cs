namespace TicketRush.Api.Data;

/// <summary>One sale. (TicketId, UserId) is unique: nobody buys the same ticket twice.</summary>
internal sealed class TicketOrder
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The API server that sold it, to show how a rush split across servers.</summary>
    public required string ServedBy { get; set; }

    public required string Strategy { get; set; }
}
