using TicketRush.Rush;
using TicketRush.Rush.Soak;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// Clients that drop their connections mid-purchase under load, for every strategy the servers offer: both servers
/// keep answering <c>/health</c> within a second during and after, the sale's invariants hold, every answer passes the
/// history checker (a dropped request counts as unknown), and afterwards each server sells a fresh buyer a ticket
/// within the purchase deadline: a lock an aborted purchase left held would refuse it. This is the load that used to
/// freeze both servers for good.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class ClientAbortDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    /// <summary>More than a 3 s load can sell: the stock lasts it, so a refusal afterwards is a lock left held, not sold out.</summary>
    private const int Stock = 100_000;

    // Beyond any soak buyer (those count up from 1 per strategy's runner).
    private const long FreshBuyer = 90_000_000;

    private static long _fresh;

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
        var soak = new SoakRunner(app.Servers, new SoakSettings(TimeSpan.FromSeconds(3), ConcurrencyPerServer: 8, AbortRatio: 0.3, Stock, TicketRushApp.AdminKey));

        var result = await soak.RunAsync(strategy);
        output.WriteLine(SoakTable.ToMarkdown([result]));

        Assert.True(result.Requests.AbortedByClient > 0, "some purchases were aborted by their client");
        Assert.True(result.HealthDuringLoad.TimedOut == 0, $"no health probe went unanswered for a second: {result.HealthDuringLoad}");
        Assert.True(result.HealthyAfterLoad, "both servers healthy after the load");
        Assert.NotNull(result.After);
        Assert.NotNull(result.History);
        Assert.True(result.After.RemainingStock > 0, $"the stock lasted the whole load, so nothing but a held lock can refuse a buyer: {result.After}");
        if (strategy.SafeAcrossServers)
        {
            Assert.Empty(result.BrokenInvariants!);
            Assert.True(result.History.IsValid, $"history checks: {result.History}");
            await Invariants.EventuallyExactAsync(app, result.After.Id, TimeSpan.FromSeconds(30));
        }
        else
        {
            Assert.DoesNotContain(result.BrokenInvariants!, broken => broken.Contains("two orders", StringComparison.Ordinal));
        }

        // Whatever an aborted purchase held (a row lock, a distributed lock, a lock stripe, a reservation) is let go: a new
        // buyer on each server is sold a ticket within the purchase deadline, past which a held lock answers 503.
        foreach (var (server, index) in app.Servers.Select((server, index) => (server, index)))
        {
            var buyer = FreshBuyer + Interlocked.Increment(ref _fresh);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await server.PurchaseAsync(result.After.Id, buyer);
            var code = response.IsSuccessStatusCode ? null : (await response.ReadProblemAsync()).Code;
            output.WriteLine($"{strategy.Name}: a fresh buyer on {TicketRushApp.ServerNames[index]} after the load: {(int)response.StatusCode} {code} in {clock.ElapsedMilliseconds} ms");
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created,
                $"a fresh buyer on {TicketRushApp.ServerNames[index]} was sold a ticket after the aborting load: {(int)response.StatusCode} {code}");
        }
    }
}
