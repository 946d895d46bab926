using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Races;

/// <summary>The study's Level 0 test, on two servers: no concurrency control, so the rush loses updates.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class LevelZeroRaceTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 100;
    private const int Buyers = 1_000;

    [Fact]
    public async Task No_control_on_two_servers_loses_updates_and_oversells()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, "none");

        var verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(Buyers));
        output.WriteLine(verdict.ToString());

        Assert.True(verdict.Sold > Stock || verdict.Sold + verdict.Remaining != Stock,
            $"Expected the Level 0 race to show (orders > stock, or orders + remaining != stock): {verdict}");
        Assert.Equal(0, verdict.DuplicateBuyers);
        Assert.Equal(0, verdict.ServerErrors);
        Assert.Equal(Buyers / 2, verdict.Attempts.Count(a => a.ServedBy == TicketRushApp.ServerNames[0]));
        Assert.Equal(Buyers / 2, verdict.Attempts.Count(a => a.ServedBy == TicketRushApp.ServerNames[1]));
    }

    [Fact]
    public async Task Unique_constraint_stops_repeat_buyers_even_with_no_control()
    {
        const int users = 20;
        const int attempts = 20;
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, "none");

        var verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.RepeatBuyers(users, attempts));
        output.WriteLine(verdict.ToString());

        Assert.Equal(users, verdict.Sold);
        Assert.Equal(users, verdict.Created);
        Assert.Equal(users * (attempts - 1), verdict.Count(409, "already-purchased"));
        Assert.Equal(0, verdict.DuplicateBuyers);
        Assert.Equal(0, verdict.ServerErrors);
    }
}
