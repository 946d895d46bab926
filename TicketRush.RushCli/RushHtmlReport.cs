using System.Globalization;
using System.Net;
using System.Text;
using TicketRush.Rush;

namespace TicketRush.RushCli;

/// <summary>A self-contained HTML report (inline SVG, no scripts): sold vs stock, latency distribution, per-server split.</summary>
internal static class RushHtmlReport
{
    private const int ChartWidth = 960;
    private const int LabelWidth = 220;
    private const int RowHeight = 26;
    private const int HistogramBins = 40;
    private static readonly string[] ServerColours = ["#2f6fde", "#e0883a", "#3aa55d", "#9b59b6"];

    public static string Render(IReadOnlyList<RushVerdict> verdicts, DateTimeOffset generated, string commit)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>TicketRush rush report</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2330; }
              table { border-collapse: collapse; font-size: 0.85rem; } th, td { border: 1px solid #d4d8e0; padding: 4px 8px; text-align: right; }
              th:first-child, td:first-child { text-align: left; } .bad { color: #c0392b; font-weight: 600; } .ok { color: #1e8449; }
              svg text { font-size: 12px; font-family: system-ui, sans-serif; } h2 { margin-top: 2rem; }
            </style></head><body>
            <h1>TicketRush rush report</h1>
            <p>{{verdicts.Count}} rush(es), generated {{generated:yyyy-MM-dd HH:mm:ss zzz}} on commit {{WebUtility.HtmlEncode(commit)}}. Each rush releases its buyers together, split evenly over the servers.</p>
            """);
        AppendSummary(html, verdicts);
        html.Append("<h2>Sold vs stock</h2><p>Bars are orders in the database; the dashed line is the stock. Red: oversold or lost updates; orange: undersold.</p>");
        AppendSoldChart(html, verdicts);
        html.Append("<h2>Latency distribution</h2><p>Response times of every request, with p50 / p95 / p99 marked.</p>");
        AppendLatencyCharts(html, verdicts);
        html.Append("<h2>Sold per server</h2>");
        AppendServerSplit(html, verdicts);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<RushVerdict> verdicts)
    {
        html.Append("<table><tr><th>strategy</th><th>servers</th><th>buyers</th><th>sold</th><th>stock</th><th>remaining</th><th>oversold</th><th>undersold</th><th>lost updates</th><th>duplicates</th><th>5xx</th><th>elapsed</th><th>req/s</th><th>p50</th><th>p95</th><th>p99</th><th>first in line served</th><th>winners out of line</th><th>τ</th><th>purchases in flight (max)</th><th>history C1–C6</th><th>responses</th></tr>");
        foreach (var v in verdicts)
        {
            var verdictClass = v.IsExact ? "ok" : "bad";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td class="{verdictClass}">{Encode(v.Label)}</td><td>{v.ServerCount}</td><td>{v.Attempts.Count}</td><td class="{verdictClass}">{v.Sold}</td><td>{v.Stock}</td>
                <td>{v.Remaining}</td><td>{v.Oversold}</td><td>{v.Undersold}</td><td>{v.LostUpdates}</td><td>{v.DuplicateBuyers}</td><td>{v.ServerErrors}</td>
                <td>{v.Elapsed.TotalSeconds:F2} s</td><td>{v.Throughput:F0}</td><td>{Ms(v.Percentile(0.50))}</td><td>{Ms(v.Percentile(0.95))}</td><td>{Ms(v.Percentile(0.99))}</td>
                <td>{v.Fairness.FirstInLineServed:P0}</td><td>{v.Fairness.WinnersOutOfLine}</td><td>{v.Fairness.KendallTau:F2}</td><td>{v.MaxInFlight}</td>
                <td class="{(v.History?.IsValid == false ? "bad" : "ok")}">{Encode(v.History?.Summary ?? "-")}</td>
                <td>{Encode(string.Join(", ", v.StatusCounts.Select(kv => $"{kv.Key}: {kv.Value}")))}</td></tr>
                """);
        }

        html.Append("</table>");
    }

    private static void AppendSoldChart(StringBuilder html, IReadOnlyList<RushVerdict> verdicts)
    {
        var scale = (double)(ChartWidth - LabelWidth - 120) / Math.Max(1, verdicts.Max(v => Math.Max(v.Sold, v.Stock)));
        var height = verdicts.Count * RowHeight + 10;
        html.Append(CultureInfo.InvariantCulture, $"""<svg width="{ChartWidth}" height="{height}" role="img" aria-label="sold vs stock">""");
        for (var i = 0; i < verdicts.Count; i++)
        {
            var v = verdicts[i];
            var y = i * RowHeight + 5;
            var colour = v.Oversold > 0 || v.LostUpdates != 0 ? "#c0392b" : v.Undersold > 0 ? "#e0883a" : "#1e8449";
            html.Append(CultureInfo.InvariantCulture, $"""
                <text x="0" y="{y + 15}">{Encode(Label(v))}</text>
                <rect x="{LabelWidth}" y="{y + 3}" width="{v.Sold * scale:F1}" height="{RowHeight - 8}" fill="{colour}"/>
                <line x1="{LabelWidth + v.Stock * scale:F1}" x2="{LabelWidth + v.Stock * scale:F1}" y1="{y}" y2="{y + RowHeight - 2}" stroke="#1d2330" stroke-dasharray="3,2"/>
                <text x="{LabelWidth + Math.Max(v.Sold, v.Stock) * scale + 6:F1}" y="{y + 15}">{v.Sold} / {v.Stock}, {v.Remaining} left</text>
                """);
        }

        html.Append("</svg>");
    }

    private static void AppendLatencyCharts(StringBuilder html, IReadOnlyList<RushVerdict> verdicts)
    {
        const int height = 60;
        const int legendWidth = 260;
        var plotWidth = ChartWidth - LabelWidth - legendWidth;
        foreach (var v in verdicts)
        {
            // Each rush on its own axis: their durations differ by two orders of magnitude.
            var maxMs = Math.Max(1, v.Attempts.Max(a => a.Elapsed.TotalMilliseconds));
            var bins = new int[HistogramBins];
            foreach (var attempt in v.Attempts)
            {
                bins[Math.Min(HistogramBins - 1, (int)(attempt.Elapsed.TotalMilliseconds / maxMs * HistogramBins))]++;
            }

            var tallest = Math.Max(1, bins.Max());
            var binWidth = (double)plotWidth / HistogramBins;
            html.Append(CultureInfo.InvariantCulture, $"""<svg width="{ChartWidth}" height="{height + 16}" role="img" aria-label="latency of {Encode(Label(v))}"><text x="0" y="{height / 2}">{Encode(Label(v))}</text>""");
            for (var b = 0; b < HistogramBins; b++)
            {
                var barHeight = (double)bins[b] / tallest * (height - 4);
                html.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + b * binWidth:F1}" y="{height - barHeight:F1}" width="{binWidth - 1:F1}" height="{barHeight:F1}" fill="#2f6fde"><title>{bins[b]} requests</title></rect>""");
            }

            foreach (var fraction in new[] { 0.50, 0.95, 0.99 })
            {
                var x = LabelWidth + v.Percentile(fraction).TotalMilliseconds / maxMs * plotWidth;
                html.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:F1}" x2="{x:F1}" y1="0" y2="{height}" stroke="#c0392b"/>""");
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                <text x="{LabelWidth}" y="{height + 13}" fill="#555">0</text><text x="{LabelWidth + plotWidth - 60}" y="{height + 13}" fill="#555">{maxMs:F0} ms</text>
                <text x="{LabelWidth + plotWidth + 12}" y="{height / 2}" fill="#c0392b">p50 {Ms(v.Percentile(0.50))} · p95 {Ms(v.Percentile(0.95))} · p99 {Ms(v.Percentile(0.99))}</text></svg><br>
                """);
        }
    }

    private static void AppendServerSplit(StringBuilder html, IReadOnlyList<RushVerdict> verdicts)
    {
        var serverNames = verdicts.SelectMany(v => v.SoldByServer.Keys).Distinct().Order().ToList();
        var scale = (double)(ChartWidth - LabelWidth - 120) / Math.Max(1, verdicts.Max(v => v.Sold));
        html.Append(CultureInfo.InvariantCulture, $"""<svg width="{ChartWidth}" height="{verdicts.Count * RowHeight + 30}" role="img" aria-label="sold per server">""");
        for (var i = 0; i < verdicts.Count; i++)
        {
            var v = verdicts[i];
            var y = i * RowHeight + 5;
            var x = (double)LabelWidth;
            html.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 15}">{Encode(Label(v))}</text>""");
            foreach (var (server, sold) in v.SoldByServer)
            {
                var colour = ServerColours[serverNames.IndexOf(server) % ServerColours.Length];
                html.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:F1}" y="{y + 3}" width="{sold * scale:F1}" height="{RowHeight - 8}" fill="{colour}"><title>{Encode(server)}: {sold}</title></rect>""");
                x += sold * scale;
            }

            html.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 6:F1}" y="{y + 15}">{Encode(string.Join(" + ", v.SoldByServer.Select(kv => $"{kv.Key} {kv.Value}")))}</text>""");
        }

        var legendY = verdicts.Count * RowHeight + 22;
        for (var s = 0; s < serverNames.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + s * 110}" y="{legendY - 10}" width="12" height="12" fill="{ServerColours[s % ServerColours.Length]}"/><text x="{LabelWidth + s * 110 + 16}" y="{legendY}">{Encode(serverNames[s])}</text>""");
        }

        html.Append("</svg>");
    }

    private static string Label(RushVerdict verdict) =>
        string.Create(CultureInfo.InvariantCulture, $"{verdict.Strategy} ({verdict.ServerCount} server{(verdict.ServerCount == 1 ? "" : "s")})");

    private static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:F0} ms");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
