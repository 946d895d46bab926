using TicketRush.Bench.Ceilings;
using TicketRush.Bench.Scenarios;

namespace TicketRush.Bench.Report;

/// <summary>Everything one run measured, with what it ran on (the machine, the commit) and how it was started.</summary>
internal sealed record BenchReport(
    DateTimeOffset Started,
    TimeSpan Duration,
    string Command,
    BenchPlan Plan,
    MachineInfo Machine,
    string Telemetry,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Ceiling> Ceilings,
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<Ratio> Ratios,
    string Commit = "unknown");
