using System.Net;
using TicketRush.Rush.Drills;
using TicketRush.Rush.History;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// The <c>ticketrush-rush drill</c> runner against the real system: Redis frozen mid-rush through both servers and the
/// gateway, half the buyers keyed; afterwards every answer passes the history checker and the stock is all sold.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class DrillRunnerTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_drill_freezes_Redis_mid_rush_and_every_answer_passes_the_history_checker()
    {
        var redis = StackExchange.Redis.ConfigurationOptions.Parse(await app.ConnectionStringAsync("redis")).EndPoints.Single();
        var port = redis switch
        {
            DnsEndPoint dns => dns.Port,
            IPEndPoint ip => ip.Port,
            _ => throw new InvalidOperationException($"Redis at {redis}?"),
        };
        PurchaseTarget[] targets = [.. RushRunner.Targets(app.Servers), new("gateway", app.Gateway)];

        var result = await DrillRunner.RunAsync(targets, TicketRushApp.AdminKey, StrategyNames.RedisCounter, stock: 200, buyers: 600,
            new DrillFault(port, TimeSpan.FromSeconds(2)), TimeSpan.FromMilliseconds(100), RushPlan.HalfKeyed, output.WriteLine);

        output.WriteLine(result.Rush.ToString());
        output.WriteLine(result.Verdict.ToString());
        Assert.True(result.Verdict.IsValid, $"history checks: {result.Verdict}");
        Assert.True(result.After.RemainingStock == 0, $"all sold after healing: {result.After}");
        Assert.Contains(result.Rush.Attempts, a => a.ServerIndex == 2);
    }
}
