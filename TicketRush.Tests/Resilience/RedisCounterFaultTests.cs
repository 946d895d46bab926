using System.Net;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Resilience;

[Collection(TicketRushCollection.Name)]
public sealed class RedisCounterFaultTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Stock = 10;
    private const long UnluckyUser = 5;

    [Fact]
    public async Task A_failed_MySQL_write_gives_the_reservation_back_and_the_ticket_still_sells_out_exactly()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.RedisCounter);
        await app.ArmOrderWriteFaultAsync(app.Servers[1], UnluckyUser);

        using (var failed = await app.Servers[1].PurchaseAsync(ticket.Id, UnluckyUser))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.NotNull(failed.Headers.RetryAfter);
            Assert.Equal(ProblemCodes.DependencyUnavailable, (await failed.ReadProblemAsync()).Code);
        }

        var afterFailure = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((Stock, 0), (afterFailure.RemainingStock, afterFailure.OrderCount));

        var verdict = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(50));
        output.WriteLine(verdict.ToString());

        Assert.Equal(Stock, verdict.Sold);
        Assert.Equal(0, verdict.Remaining);
        Assert.Equal(Stock, verdict.Created);
        Assert.Equal(50 - Stock, verdict.Count(409, ProblemCodes.SoldOut));
        Assert.Equal(0, verdict.ServerErrors);
        Assert.True(verdict.History!.IsValid, $"history checks: {verdict.History}");
    }
}
