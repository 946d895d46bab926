namespace TicketRush.Api.Faults;

/// <summary>Fault injection (section <c>Faults</c>): off unless a test or a drill turns it on.</summary>
internal sealed class FaultInjectionOptions
{
    public const string SectionName = "Faults";

    public bool Enabled { get; set; }
}
