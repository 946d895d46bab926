using TicketRush.Rush;
using TicketRush.Rush.Drills;
using TicketRush.Rush.History;
using TicketRush.Rush.Progress;

namespace TicketRush.RushCli;

/// <summary><c>drill</c>: a rush with a process killed or frozen mid-way, then the history checker's verdict.</summary>
internal static class DrillCommand
{
    public static async Task<int> RunAsync(DrillOptions options)
    {
        var clients = CommandLineOptions.Clients(options.Servers.Append(options.Gateway).OfType<Uri>(), options.BuyerKey);
        IReadOnlyList<PurchaseTarget> targets = options.Gateway is null
            ? RushRunner.Targets(clients)
            : [.. RushRunner.Targets(clients[..^1]), new PurchaseTarget("gateway", clients[^1])];
        try
        {
            DrillResult result;
            await using (var progress = new RunProgress(Console.Error, $"drill: {options.Fault}"))
            {
                result = await DrillRunner.RunAsync(targets, options.AdminKey, options.Strategy, options.Stock, options.Buyers, options.Fault, options.FaultAfter,
                    RushPlan.KeyedEvery(options.KeyedEvery), progress.Report);
            }

            Console.WriteLine(result.Rush);
            Console.WriteLine();
            Console.WriteLine($"After healing: sold {result.After.OrderCount} of {result.After.TotalStock}, remaining {result.After.RemainingStock}; {options.Fault}.");
            Console.WriteLine(result.Verdict);
            Console.WriteLine(result.Verdict.IsValid ? "PASS" : $"FAIL: {result.Verdict.Summary}");
            return result.Verdict.IsValid ? 0 : RushCommand.HistoryViolated;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"The drill could not run: {exception.Message}");
            return 1;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
