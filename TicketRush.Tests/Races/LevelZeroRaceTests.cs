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
    public async Task No_control_on_two_servers_loses_updates_everyone_succeeds_and_stock_is_left_over()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.NoControl);

        // Without help the race shows on most machines (the lab's rush commands run without it); 20 ms makes it certain.
        await app.SetRaceWindowAsync(TimeSpan.FromMilliseconds(20));
        RushVerdict verdict;
        try
        {
            verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(Buyers));
        }
        finally
        {
            await app.ClearFaultsAsync();
        }

        output.WriteLine(verdict.ToString());

        Assert.True(verdict.LostUpdates > 0, $"lost updates: orders > stock − remaining: {verdict}");
        Assert.True(verdict.Created == Buyers, $"every buyer 'succeeds': {verdict}");
        Assert.True(verdict.Remaining > 0, $"stock is left over although everyone bought: {verdict}");
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
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.NoControl);

        var verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.RepeatBuyers(users, attempts));
        output.WriteLine(verdict.ToString());

        Assert.Equal(users, verdict.Sold);
        Assert.Equal(users, verdict.Created);
        Assert.Equal(users * (attempts - 1), verdict.Count(409, ProblemCodes.AlreadyPurchased));
        Assert.Equal(0, verdict.DuplicateBuyers);
        Assert.Equal(0, verdict.ServerErrors);
    }
}
