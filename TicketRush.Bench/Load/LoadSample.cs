namespace TicketRush.Bench.Load;

/// <summary>One operation of a load: how long it took and how it ended (a status such as <c>201</c> or <c>409 sold-out</c>).</summary>
internal readonly record struct LoadSample(TimeSpan Elapsed, string Outcome);
