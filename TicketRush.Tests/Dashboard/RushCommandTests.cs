using System.Net.Http.Json;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Dashboard;

/// <summary>The "Rush: …" dashboard commands: one per strategy the running API offers, plus "all", and they run a real rush.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class RushCommandTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task There_is_a_rush_command_for_every_strategy_and_one_for_all()
    {
        var strategies = await app.Servers[0].GetStrategiesAsync();
        var expected = strategies.Select(s => $"rush-{s.Name}").Append("rush-all").Append("rush-waiting-room").Order().ToList();

        // The per-strategy commands are read from the running server's catalogue, not from a list in the AppHost.
        var commands = await app.DashboardCommandNamesAsync("api-1", names => expected.All(names.Contains));

        Assert.Equal(expected, commands.Where(c => c.StartsWith("rush-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_rush_command_runs_a_rush_on_both_servers_and_reports_the_verdict()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var result = await app.ExecuteCommandAsync("api-1", "rush-atomic", timeout.Token);

        Assert.True(result.Success, result.Message);
        output.WriteLine(result.Message);
        var ticket = (await app.Servers[0].GetFromJsonAsync<List<TicketResponse>>(ApiRoutes.Tickets))!.Last(t => t.Name == "rush atomic");
        Assert.Equal((100, 0), (ticket.OrderCount, ticket.RemainingStock));
    }
}
