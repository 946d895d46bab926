using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using TicketRush.Bench.Load;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// The reservation script loaded by Debian's <c>redis-benchmark</c>: <c>EVALSHA</c> of the API's own script on the
/// bench's counters, a random buyer per call (<c>__rand_int__</c>) with the same three arguments the strategy passes. It reports requests per second, whatever the
/// script answered; the counter holds far more than a window reserves, so every call is the operation measured.
/// </summary>
internal static partial class RedisBenchmark
{
    public static readonly NativeTool Tool = new("redis-benchmark", "redis-tools");

    public static async Task<LoadResult> EvalShaAsync(
        ConfigurationOptions redis, string sha, RedisKey[] keys, long leaseMilliseconds, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var (host, port) = redis.EndPoints[0] switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => throw new InvalidOperationException($"Unexpected Redis endpoint {other}."),
        };
        List<string> arguments = ["-h", host, "-p", port.ToString(CultureInfo.InvariantCulture)];
        if (redis.Password is { Length: > 0 } password)
        {
            arguments.AddRange(["-a", password]);
        }

        arguments.AddRange(["-c", concurrency.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-r", "1000000000", "-q", "EVALSHA", sha, keys.Length.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(keys.Select(k => k.ToString()));
        // ARGV as the strategy passes them: buyer, lease length, lease id (the script stores the id as the buyer's hold).
        arguments.AddRange(["__rand_int__", leaseMilliseconds.ToString(CultureInfo.InvariantCulture), "bench-lease"]);
        var printed = await Tool.RunAsync(arguments, cancellationToken);
        var perSecond = ParseRate(printed) ?? throw new InvalidOperationException($"redis-benchmark printed no rate: {printed.Trim()}");
        return new LoadResult(concurrency, TimeSpan.FromSeconds(requests / perSecond),
            new Dictionary<string, int> { [Ceilings.Succeeded] = requests }, _ => TimeSpan.Zero);
    }

    /// <summary>The rate from redis-benchmark's quiet report ("EVALSHA …: 94786.00 requests per second, p50=…"); the last one printed.</summary>
    public static double? ParseRate(string printed) =>
        RateLine().Matches(printed) is { Count: > 0 } matches
            ? double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second")]
    private static partial Regex RateLine();
}
