using System.ComponentModel.DataAnnotations;

namespace TicketRush.Contracts;

/// <param name="Strategy">The concurrency strategy every purchase of the ticket will use; the server's default when absent.</param>
/// <param name="WaitingRoom">When present, buyers must join the ticket's line and be admitted before they may buy.</param>
/// <param name="Writes">
/// With several primaries, where its sales are written: <c>home</c> (the default there), on the creating server's
/// primary whichever server sells; or <c>local</c>, each server on its own (the study's setup). One database: <c>local</c>.
/// </param>
public sealed record CreateTicketRequest(
    [Display(Name = "name")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(TicketLimits.MaxNameLength, MinimumLength = 1, ErrorMessage = ValidationMessages.Length)]
    string? Name,
    [Display(Name = "stock")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Range(1, TicketLimits.MaxStock, ErrorMessage = ValidationMessages.IntegerRange)]
    int? Stock,
    string? Strategy,
    WaitingRoomRequest? WaitingRoom = null,
    [Display(Name = "writes")]
    [AllowedValues(null, TicketWrites.Home, TicketWrites.Local, ErrorMessage = "{0} is 'home' or 'local'.")]
    string? Writes = null);

/// <param name="AdmitPerSecond">Buyers admitted per second, in the order they joined.</param>
/// <param name="AdmissionSeconds">How long an admitted buyer has to buy (default 30).</param>
/// <param name="Overbooking">Admissions allowed beyond the remaining stock (default 0).</param>
public sealed record WaitingRoomRequest(
    [Display(Name = "admitPerSecond")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Range(1, TicketLimits.MaxAdmitPerSecond, ErrorMessage = ValidationMessages.IntegerRange)]
    int? AdmitPerSecond,
    [Display(Name = "admissionSeconds")]
    [Range(1, TicketLimits.MaxAdmissionSeconds, ErrorMessage = ValidationMessages.IntegerRange)]
    int? AdmissionSeconds = null,
    [Display(Name = "overbooking")]
    [Range(0, TicketLimits.MaxStock, ErrorMessage = ValidationMessages.IntegerRange)]
    int? Overbooking = null);

public sealed record WaitingRoomResponse(int AdmitPerSecond, int AdmissionSeconds, int Overbooking);

/// <summary>
/// <paramref name="RemainingStock"/> is the stored stock column and <paramref name="OrderCount"/> the number of
/// order rows (kept on the ticket row, each sale adding its own orders atomically): after a lost update they disagree,
/// which is how a race shows. Both are read from the answering server's own database. <paramref name="Writes"/> is <c>home</c> (every sale written to <paramref name="HomeDatabase"/>) or <c>local</c>.
/// </summary>
public sealed record TicketResponse(
    long Id, string Name, int TotalStock, int RemainingStock, int OrderCount, string Strategy, WaitingRoomResponse? WaitingRoom = null,
    string Writes = TicketWrites.Local, string? HomeDatabase = null);
