namespace TicketRush.Contracts;

/// <summary>What the API accepts, as the request records' validation attributes and the endpoints read it.</summary>
public static class TicketLimits
{
    public const int MaxNameLength = 200;
    public const int MaxStock = 1_000_000;
    public const int MaxAdmitPerSecond = 10_000;
    public const int MaxAdmissionSeconds = 3_600;
    public const int DefaultAdmissionSeconds = 30;
    public const int MaxPageSize = 500;
}
