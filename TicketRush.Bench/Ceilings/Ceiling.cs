using TicketRush.Bench.Load;

namespace TicketRush.Bench.Ceilings;

/// <summary>What this machine does with nothing of ours in between, measured in the same run as the strategies.</summary>
/// <param name="Key">Short name the ratios refer to: <c>a</c>, <c>b</c>, <c>c</c>, <c>d</c>, <c>d0</c>, <c>e</c>, <c>f</c>; <c>b16</c> and <c>c16</c> at the light load's concurrency.</param>
/// <param name="Cpu">Where the machine's CPU went during the measured window; null where /proc cannot be read.</param>
internal sealed record Ceiling(string Key, string Name, string What, LoadResult Result, CpuUse? Cpu = null)
{
    /// <summary>Successful operations per second (an operation that did not succeed is not a ceiling).</summary>
    public double Rate => Result.RateOf(Ceilings.Succeeded);
}
