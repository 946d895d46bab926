using TicketRush.Rush;
using TicketRush.Rush.Progress;
using TicketRush.Rush.Soak;

namespace TicketRush.RushCli;

/// <summary><c>soak</c>: load each strategy for a while with dropped connections, print a table, fail on a broken safe strategy (its invariants or the history checker) or a hung server.</summary>
internal static class SoakCommand
{
    public static async Task<int> RunAsync(SoakOptions options)
    {
        SoakRunner runner;
        var servers = CommandLineOptions.Clients(options.Servers, options.BuyerKey);
        try
        {
            runner = new SoakRunner(servers, options.Settings);
        }
        catch (ArgumentException exception)
        {
            servers.ForEach(server => server.Dispose());
            Console.Error.WriteLine(exception.Message);
            return CommandLineOptions.BadUsage;
        }

        try
        {
            var catalogue = await servers[0].GetStrategiesAsync();
            var strategies = options.Strategy.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? catalogue
                : catalogue.Where(s => s.Name == options.Strategy).ToList();
            if (strategies.Count == 0)
            {
                Console.Error.WriteLine($"The servers have no strategy '{options.Strategy}'; they have: {string.Join(", ", catalogue.Select(s => s.Name))}.");
                return 2;
            }

            var results = new List<SoakResult>();
            await using (var progress = new RunProgress(Console.Error, "soak"))
            {
                foreach (var strategy in strategies)
                {
                    progress.Report($"soaking {strategy.Name} for {options.Settings.Duration} ...");
                    results.Add(await runner.RunAsync(strategy));
                }
            }

            Console.WriteLine(SourceRevision.Stamp(DateTimeOffset.UtcNow));
            Console.WriteLine();
            Console.WriteLine(SoakTable.ToMarkdown(results));
            foreach (var violated in results.Where(r => r.Safe && r.History is { IsValid: false }))
            {
                Console.WriteLine($"{violated.Strategy}: the history checker found{Environment.NewLine}{violated.History!.DescribeViolations()}");
            }

            var failed = results.Where(r => !r.Passed).Select(r => r.Strategy).ToList();
            Console.WriteLine(failed.Count == 0 ? "PASS" : $"FAIL: {string.Join(", ", failed)}");
            return failed.Count == 0 ? 0 : 1;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"Cannot reach the servers ({exception.Message}). Start them with ./scripts/start.sh.");
            return 1;
        }
        finally
        {
            servers.ForEach(server => server.Dispose());
        }
    }
}
