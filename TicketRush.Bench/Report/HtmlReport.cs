using System.Net;
using System.Text;
using static TicketRush.Bench.Report.Formats;

namespace TicketRush.Bench.Report;

/// <summary>docs/benchmarks.html: self-contained (inline SVG, no scripts): bars per scenario with the ceilings drawn as lines.</summary>
internal static class HtmlReport
{
    private const int Width = 900;
    private const int LabelWidth = 230;
    private const int RowHeight = 22;
    private static readonly string[] LineColours = ["#c0392b", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#7f8c8d"];

    private sealed record Bar(string Label, double Value, string Text);

    private sealed record Line(string Label, double Value);

    public static string Render(BenchReport report)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>TicketRush benchmarks</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2330; max-width: 1100px; }
              table { border-collapse: collapse; font-size: 0.8rem; } th, td { border: 1px solid #d4d8e0; padding: 3px 6px; }
              svg text { font-size: 12px; font-family: system-ui, sans-serif; } .warn { background: #fff3cd; padding: 0.5rem; }
            </style></head><body>
            <h1>TicketRush benchmarks</h1>
            <p class="warn"><b>Telemetry export: {{E(report.Telemetry)}}</b></p>
            <p>{{E(Invariant($"{report.Started:yyyy-MM-dd HH:mm} UTC, {(report.Plan.Quick ? "quick" : "full")} mode, {report.Plan.Concurrency} in flight. {report.Machine.Cores} cores, {report.Machine.Cpu}, {report.Machine.Memory}; {report.Machine.Os}; {report.Machine.Dotnet}; MariaDB {report.Machine.MariaDb}; Redis {report.Machine.Redis}."))}}</p>
            <pre>{{E(report.Command)}}</pre>
            """);

        // Redis is an order of magnitude faster than the rest: on one axis the MySQL and HTTP bars would vanish.
        html.Append("<h2>Ceilings</h2><p>Successful operations per second with nothing of ours in between: MySQL and HTTP, then Redis.</p>");
        Chart(html, [.. report.Ceilings.Where(c => !c.Key.StartsWith('d')).Select(c => new Bar($"({c.Key}) {c.Name}", c.Rate, Rate(c.Rate)))], []);
        Chart(html, [.. report.Ceilings.Where(c => c.Key.StartsWith('d')).Select(c => new Bar($"({c.Key}) {c.Name}", c.Rate, Rate(c.Rate)))], []);

        var mySqlCeilings = report.Ceilings.Where(c => c.Key is "a" or "b" or "c").Select(c => new Line($"({c.Key})", c.Rate)).ToList();
        html.Append("<h2>Sustained sale: sales per second</h2><p>Lines: the MySQL ceilings (a) 4 round trips, (b) 1 round trip, (c) FOR UPDATE.</p>");
        Chart(html, [.. report.Results.Where(r => r.Scenario == "sustained").Select(r => new Bar(r.Strategy, r.SalesRate, Rate(r.SalesRate)))], mySqlCeilings);

        html.Append("<h2>Oversubscribed drop: responses per second</h2>");
        Chart(html, [.. report.Results.Where(r => r.Scenario == "drop").Select(r => new Bar(r.Strategy, r.Load.Throughput,
            $"{Rate(r.Load.Throughput)} ({Rate(r.SoldOutRate)} sold-out/s)"))], []);

        html.Append("<h2>A finished sale (wrk): sold-out answers per second</h2><p>Lines: (d0) the Redis rejection script alone, (f) GET /alive under wrk.</p>");
        Chart(html, [.. report.Results.Where(r => r.Scenario == "sold-out").Select(r => new Bar(r.Strategy, r.SoldOutRate, Rate(r.SoldOutRate)))],
            [.. report.Ceilings.Where(c => c.Key is "d0" or "f").Select(c => new Line($"({c.Key})", c.Rate))]);

        html.Append("<h2>The study's rush: p99 latency (ms)</h2>");
        Chart(html, [.. report.Results.Where(r => r.Scenario == "rush").Select(r => new Bar(r.Strategy, r.Load.Percentile(0.99).TotalMilliseconds,
            $"{Milliseconds(r.Load.Percentile(0.99))} ms, {Rate(r.Load.Throughput)} req/s"))], []);

        html.Append("<h2>Ratios to the ceilings</h2>");
        Chart(html, [.. report.Ratios.Select(r => new Bar($"{r.Strategy} {r.Measure} ÷ {r.Versus}", r.Value * 100, Percent(r.Value)))], [new Line("100 %", 100)]);

        html.Append("<h2>All results</h2><table><tr><th>strategy</th><th>scenario</th><th>req/s</th><th>sales/s</th><th>p50 / p95 / p99 ms</th><th>statuses</th><th>sold / stock</th><th>invariants</th></tr>");
        foreach (var r in report.Results)
        {
            html.Append(Invariant($"<tr><td>{E(r.Strategy)}</td><td>{E(r.Scenario)}</td><td>{Rate(r.Load.Throughput)}</td><td>{Rate(r.SalesRate)}</td><td>{Latencies(r.Load)}</td><td>{E(Outcomes(r.Load))}</td><td>{r.Audit.Orders} / {r.Audit.Stock}</td><td>{(r.InvariantsHeld switch { true => "held", false => "BROKEN", null => "not judged" })}</td></tr>"));
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static void Chart(StringBuilder html, IReadOnlyList<Bar> bars, IReadOnlyList<Line> lines)
    {
        var max = Math.Max(1, bars.Select(b => b.Value).Concat(lines.Select(l => l.Value)).DefaultIfEmpty(1).Max()) * 1.15;
        var plot = Width - LabelWidth - 10;
        var height = bars.Count * RowHeight + 30;
        html.Append(Invariant($"""<svg width="{Width}" height="{height}" xmlns="http://www.w3.org/2000/svg">"""));
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 20 + i * RowHeight;
            var w = bars[i].Value / max * plot;
            html.Append(Invariant($"""<text x="{LabelWidth - 6}" y="{y + 14}" text-anchor="end">{E(bars[i].Label)}</text>"""))
                .Append(Invariant($"""<rect x="{LabelWidth}" y="{y + 2}" width="{w:F1}" height="{RowHeight - 6}" fill="#2f6fde"/>"""))
                .Append(Invariant($"""<text x="{LabelWidth + w + 4:F1}" y="{y + 14}">{E(bars[i].Text)}</text>"""));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var x = LabelWidth + lines[i].Value / max * plot;
            var colour = LineColours[i % LineColours.Length];
            html.Append(Invariant($"""<line x1="{x:F1}" y1="14" x2="{x:F1}" y2="{height - 4}" stroke="{colour}" stroke-dasharray="4 3"/>"""))
                .Append(Invariant($"""<text x="{x + 2:F1}" y="{12}" fill="{colour}">{E(lines[i].Label)} {Rate(lines[i].Value)}</text>"""));
        }

        html.Append("</svg>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
