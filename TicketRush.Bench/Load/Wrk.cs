using System.Diagnostics;
using System.Globalization;
using TicketRush.AppHost.Hosting;

namespace TicketRush.Bench.Load;

/// <summary>
/// Load from wrk (Debian's <c>wrk</c>, written in C): one process per server, all at once, the concurrency split evenly.
/// It costs the shared cores a fraction of what a .NET client does, so a path that answers from memory is measured
/// nearer the servers' own limit. Each wrk ends its connections when its window closes.
/// </summary>
internal static class Wrk
{
    // Every purchase carries a fresh buyer (wrk's first script argument is the one before the first); a sold-out 409 is
    // told apart by its problem code. done() prints one line the caller parses.
    private const string Script = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args)
          statuses = {}
          buyer = tonumber(args[1])
          if buyer > 0 then
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
          end
        end
        function request()
          if buyer == 0 then return wrk.format() end
          buyer = buyer + 1
          return wrk.format(nil, nil, nil, '{"userId":' .. buyer .. '}')
        end
        function response(status, headers, body)
          local key = tostring(status)
          if status == 409 and body and body:find('"sold%-out"') then key = "409 sold-out" end
          statuses[key] = (statuses[key] or 0) + 1
        end
        function done(summary, latency, requests)
          local e = summary.errors
          local line = string.format("wrk-result duration_us=%d transport=%d p50=%d p90=%d p95=%d p99=%d max=%d",
            summary.duration, e.connect + e.read + e.write + e.timeout,
            latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max)
          for _, thread in ipairs(threads) do
            for key, count in pairs(thread:get("statuses")) do line = line .. string.format(" status[%s]=%d", key, count) end
          end
          io.write(line .. "\n")
        end
        """;

    private static readonly Lazy<string> ScriptFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"ticketrush-bench-{Environment.ProcessId}.lua");
        File.WriteAllText(path, Script);
        return path;
    });

    private static readonly string? Executable = ExecutableLocator.Find("wrk");

    public static bool IsInstalled => Executable is not null;

    /// <summary>GETs <paramref name="path"/> on every server for <paramref name="window"/>; 2xx answers count as <paramref name="success"/>.</summary>
    public static Task<LoadResult> GetAsync(IReadOnlyList<Uri> servers, string path, string success, int concurrency, TimeSpan window, CancellationToken cancellationToken) =>
        RunAsync(servers, path, _ => 0, success, concurrency, window, cancellationToken);

    /// <summary>Purchases on every server for <paramref name="window"/>, each by a buyer never seen before.</summary>
    public static Task<LoadResult> PurchaseAsync(IReadOnlyList<Uri> servers, string path, int concurrency, TimeSpan window, CancellationToken cancellationToken) =>
        RunAsync(servers, path, server => (server + 1) * 1_000_000_000L, success: null, concurrency, window, cancellationToken);

    private static async Task<LoadResult> RunAsync(
        IReadOnlyList<Uri> servers, string path, Func<int, long> firstBuyer, string? success, int concurrency, TimeSpan window, CancellationToken cancellationToken)
    {
        var connections = Math.Max(1, concurrency / servers.Count);
        var runs = await Task.WhenAll(servers.Select((server, i) =>
            RunOneAsync(new Uri(server, path), firstBuyer(i), connections, window, cancellationToken)));

        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in runs.SelectMany(r => r.Outcomes))
        {
            var outcome = success is not null && key.StartsWith('2') ? success : key;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
        }

        // wrk reports percentiles, not samples: per percentile, the slower server's (an upper bound for both together).
        return new LoadResult(connections * servers.Count, runs.Max(r => r.Duration), outcomes,
            fraction => runs.Max(r => r.Percentile(fraction)));
    }

    private static async Task<WrkOutput> RunOneAsync(Uri url, long firstBuyer, int connections, TimeSpan window, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("wrk is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t1", $"-c{connections}", $"-d{Math.Max(1, (int)Math.Round(window.TotalSeconds))}s", "--timeout", "10s",
            "-s", ScriptFile.Value, url.ToString(), "--", firstBuyer.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        using var stop = cancellationToken.Register(() => process.Kill());
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return WrkOutput.Parse(await output) ?? throw new InvalidOperationException($"wrk printed no result for {url}: {await errors}{await output}");
    }
}
