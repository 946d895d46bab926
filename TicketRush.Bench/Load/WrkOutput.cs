using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketRush.Bench.Load;

/// <summary>What one wrk process reported through the script's <c>done()</c> line: its window, outcomes and latency percentiles.</summary>
internal sealed partial record WrkOutput(TimeSpan Duration, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyDictionary<double, TimeSpan> Percentiles)
{
    public TimeSpan Percentile(double fraction) =>
        Percentiles.OrderBy(p => Math.Abs(p.Key - fraction)).First().Value;

    public static WrkOutput? Parse(string output)
    {
        if (ResultLine().Match(output) is not { Success: true } line)
        {
            return null;
        }

        long Field(string name) => long.Parse(Regex.Match(line.Value, $@"\b{name}=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var outcomes = Status().Matches(line.Value).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (Field("transport") is var transport and > 0)
        {
            outcomes["transport"] = (int)transport;
        }

        return new WrkOutput(
            TimeSpan.FromMicroseconds(Field("duration_us")),
            outcomes,
            new Dictionary<double, TimeSpan>
            {
                [0.50] = TimeSpan.FromMicroseconds(Field("p50")),
                [0.90] = TimeSpan.FromMicroseconds(Field("p90")),
                [0.95] = TimeSpan.FromMicroseconds(Field("p95")),
                [0.99] = TimeSpan.FromMicroseconds(Field("p99")),
                [1.00] = TimeSpan.FromMicroseconds(Field("max")),
            });
    }

    [GeneratedRegex(@"^wrk-result .*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"status\[([^\]]+)\]=(\d+)")]
    private static partial Regex Status();
}
