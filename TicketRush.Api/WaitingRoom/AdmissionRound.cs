namespace TicketRush.Api.WaitingRoom;

/// <summary>What one tick of the admitting server did for one ticket.</summary>
public sealed record AdmissionRound(int Admitted, int Expired, bool SoldOut);
