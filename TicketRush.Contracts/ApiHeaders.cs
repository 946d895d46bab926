namespace TicketRush.Contracts;

/// <summary>The HTTP headers of the TicketRush API that are not standard HTTP.</summary>
public static class ApiHeaders
{
    /// <summary>A purchase's retry key (an RFC 8941 sf-string, or the same characters bare): the same key gets the same answer.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>On every response: the server that produced it.</summary>
    public const string ServedBy = "X-Served-By";

    /// <summary>The admin key that creating tickets and injecting faults require.</summary>
    public const string AdminKey = "X-Admin-Key";

    /// <summary>On a replayed answer to a repeated Idempotency-Key: <c>true</c>.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";

    /// <summary>The signed admission a waiting room gave a buyer; a purchase of a waiting-room ticket carries it.</summary>
    public const string AdmissionToken = "Admission-Token";
}
