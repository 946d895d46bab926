using TicketRush.Rush;

namespace TicketRush.RushCli;

/// <summary>The default command: rush each strategy once, print the verdicts and write the HTML report.</summary>
internal static class RushCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args is ["--help" or "-h"])
        {
            Console.WriteLine(RushOptions.Usage);
            return 0;
        }

        RushOptions options;
        try
        {
            options = RushOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(RushOptions.Usage);
            return 2;
        }

        var servers = options.Servers.Select(RushRunner.CreateClient).ToList();
        try
        {
            var strategies = options.Strategy.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? (await servers[0].GetStrategiesAsync()).Select(s => s.Name).ToList()
                : [options.Strategy];

            var verdicts = new List<RushVerdict>();
            foreach (var strategy in strategies)
            {
                var verdict = await RushRunner.RunAsync(servers, options.AdminKey, strategy, options.Stock, RushRunner.DistinctBuyers(options.Buyers));
                Console.WriteLine(verdict);
                verdicts.Add(verdict);
                if (options.AdmitPerSecond is { } rate)
                {
                    var queued = await WaitingRoomRunner.RunAsync(
                        servers, options.AdminKey, strategy, options.Stock, RushRunner.DistinctBuyers(options.Buyers), new WaitingRoomDto(rate));
                    Console.WriteLine(queued);
                    verdicts.Add(queued);
                }
            }

            Console.WriteLine();
            Console.WriteLine(RushTable.ToMarkdown(verdicts));
            await File.WriteAllTextAsync(options.ReportPath, RushHtmlReport.Render(verdicts, DateTimeOffset.Now));
            Console.WriteLine($"Report: {Path.GetFullPath(options.ReportPath)}");
            return 0;
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
