using TicketRush.Rush;
using TicketRush.Rush.History;

namespace TicketRush.RushCli;

/// <summary>The default command: rush each strategy once, print the verdicts and write the HTML report.</summary>
internal static class RushCommand
{
    /// <summary>The exit code when the history checker found a violation in some rush.</summary>
    public const int HistoryViolated = 3;

    public static async Task<int> RunAsync(RushOptions options)
    {
        var servers = CommandLineOptions.Clients(options.Servers, options.BuyerKey);
        var gateway = options.Gateway is null ? null : CommandLineOptions.Clients([options.Gateway], options.BuyerKey)[0];
        IReadOnlyList<PurchaseTarget> targets = gateway is null
            ? RushRunner.Targets(servers)
            : [.. RushRunner.Targets(servers), new PurchaseTarget("gateway", gateway)];
        var plan = new RushPlan(Keyed: options.KeyedEvery is { } every ? RushPlan.KeyedEvery(every) : null);
        try
        {
            var strategies = options.Strategy.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? (await servers[0].GetStrategiesAsync()).Select(s => s.Name).ToList()
                : [options.Strategy];

            var verdicts = new List<RushVerdict>();
            foreach (var strategy in strategies)
            {
                var ticket = await servers[0].CreateTicketAsync(options.AdminKey, options.Stock, strategy, $"rush {strategy}");
                var verdict = await RushRunner.RunAsync(targets, ticket, RushRunner.DistinctBuyers(options.Buyers), plan);
                Console.WriteLine(verdict);
                verdicts.Add(verdict);
                if (options.AdmitPerSecond is { } rate)
                {
                    var queued = await WaitingRoomRunner.RunAsync(
                        servers, options.AdminKey, strategy, options.Stock, RushRunner.DistinctBuyers(options.Buyers), new WaitingRoomRequest(rate));
                    Console.WriteLine(queued);
                    verdicts.Add(queued);
                }
            }

            var measuredAt = DateTimeOffset.UtcNow;
            Console.WriteLine();
            Console.WriteLine(SourceRevision.Stamp(measuredAt));
            Console.WriteLine();
            Console.WriteLine(RushTable.ToMarkdown(verdicts));
            await File.WriteAllTextAsync(options.ReportPath, RushHtmlReport.Render(verdicts, measuredAt, SourceRevision.Describe()));
            Console.WriteLine($"Report: {Path.GetFullPath(options.ReportPath)}");
            return verdicts.Any(v => v.History?.IsValid == false) ? HistoryViolated : 0;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"Cannot reach the servers ({exception.Message}). Start them with ./scripts/start.sh.");
            return 1;
        }
        finally
        {
            servers.ForEach(server => server.Dispose());
            gateway?.Dispose();
        }
    }
}
