namespace TicketRush.Api.WaitingRoom;

/// <summary>What one tick of the admitting server did for one ticket; <paramref name="LeaseLost"/>: nothing, another server admits now.</summary>
internal sealed record AdmissionRound(int Admitted, int Expired, bool SoldOut, bool LeaseLost);
