namespace TicketRush.Bench.Report;

/// <summary>One performance target and what this run measured for it; <see cref="Met"/> is null when the run lacks the figures.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool? Met);
