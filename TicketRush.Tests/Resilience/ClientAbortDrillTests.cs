using TicketRush.Rush;
using TicketRush.Rush.Soak;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// Clients that drop their connections mid-purchase under load, for every strategy the servers offer: both servers
/// keep answering <c>/health</c> within a second during and after, and the sale's invariants hold. This is the load
/// that used to freeze both servers for good.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class ClientAbortDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Servers_stay_healthy_and_every_sale_stays_exact_when_clients_abort_under_load()
    {
        // The catalogue of the running servers, so a new strategy is drilled without being listed here.
        var strategies = await app.Servers[0].GetStrategiesAsync();
        var failures = new List<string>();
        foreach (var strategy in strategies)
        {
            try
            {
                await DrillAsync(strategy);
            }
            catch (Exception exception) when (exception is Xunit.Sdk.XunitException)
            {
                failures.Add($"{strategy.Name}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task DrillAsync(StrategyDescriptor strategy)
    {
        var soak = new SoakRunner(app.Servers, new SoakSettings(TimeSpan.FromSeconds(3), ConcurrencyPerServer: 8, AbortRatio: 0.3, Stock: 300, TicketRushApp.AdminKey));

        var result = await soak.RunAsync(strategy);
        output.WriteLine(SoakTable.ToMarkdown([result]));

        Assert.True(result.Requests.AbortedByClient > 0, "some purchases were aborted by their client");
        Assert.True(result.HealthDuringLoad.TimedOut == 0, $"no health probe went unanswered for a second: {result.HealthDuringLoad}");
        Assert.True(result.HealthyAfterLoad, "both servers healthy after the load");
        Assert.NotNull(result.After);
        if (strategy.SafeAcrossServers)
        {
            Assert.Empty(result.BrokenInvariants!);
            await Invariants.EventuallyExactAsync(app, result.After.Id, TimeSpan.FromSeconds(30));
        }
        else
        {
            Assert.DoesNotContain(result.BrokenInvariants!, broken => broken.Contains("two orders", StringComparison.Ordinal));
        }
    }
}
