using System.Globalization;
using TicketRush.Bench.Load;

namespace TicketRush.Bench.Report;

/// <summary>Numbers as every report prints them, culture-invariant.</summary>
internal static class Formats
{
    public static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 10 ? "F0" : "F1", CultureInfo.InvariantCulture);

    public static string Latencies(LoadResult load) =>
        $"{Milliseconds(load.Percentile(0.50))} / {Milliseconds(load.Percentile(0.95))} / {Milliseconds(load.Percentile(0.99))}";

    public static string Outcomes(LoadResult load) => string.Join(", ", load.Outcomes.Select(o => $"{o.Key}: {o.Value}"));

    public static string Percent(double fraction) => (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";

    public static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
