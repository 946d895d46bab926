namespace TicketRush.Api.Catalog;

/// <summary>
/// A ticket's waiting room: buyers are admitted in the order they joined, <paramref name="AdmitPerSecond"/> a second,
/// each for <paramref name="AdmissionTime"/>, and never more at once than the remaining stock plus <paramref name="Overbooking"/>.
/// </summary>
internal sealed record AdmissionRules(int AdmitPerSecond, TimeSpan AdmissionTime, int Overbooking);
