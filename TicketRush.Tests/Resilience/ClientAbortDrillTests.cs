using TicketRush.Rush.Soak;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// Clients that drop their connections mid-purchase under load, for every strategy: both servers keep answering
/// <c>/health</c> within a second during and after, and the sale's invariants hold. This is the load that used to
/// freeze both servers for good.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class ClientAbortDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    public static readonly TheoryData<string> Strategies = new(KnownStrategies.Names);

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Servers_stay_healthy_and_the_sale_stays_exact_when_clients_abort_under_load(string strategy)
    {
        var descriptor = (await app.Servers[0].GetStrategiesAsync()).Single(s => s.Name == strategy);
        var soak = new SoakRunner(app.Servers, new SoakSettings(TimeSpan.FromSeconds(3), ConcurrencyPerServer: 8, AbortRatio: 0.3, Stock: 300, TicketRushApp.AdminKey));

        var result = await soak.RunAsync(descriptor);
        output.WriteLine(SoakTable.ToMarkdown([result]));

        Assert.True(result.Requests.AbortedByClient > 0, "some purchases were aborted by their client");
        Assert.True(result.HealthDuringLoad.TimedOut == 0, $"no health probe went unanswered for a second: {result.HealthDuringLoad}");
        Assert.True(result.HealthyAfterLoad, "both servers healthy after the load");
        Assert.NotNull(result.After);
        if (descriptor.SafeAcrossServers)
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
