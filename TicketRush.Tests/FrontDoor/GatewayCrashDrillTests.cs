using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.FrontDoor;

/// <summary>
/// A server killed mid-rush while buyers come through the gateway: buyers whose request was not on the dead server
/// never see an error, unkeyed buyers caught in flight get a 502 ProblemDetails (their purchase may or may not have
/// been made), keyed ones are retried on the other server, nobody hangs, and the sale stays exact.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class GatewayCrashDrillTests(TicketRushApp app, ITestOutputHelper output)
{
    private const int Loops = 8;
    private const long Victim = 60_000_001;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_server_killed_mid_rush_costs_only_unkeyed_buyers_in_flight_on_it()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100_000, StrategyNames.Atomic);
        IReadOnlyList<StreamedPurchase> answers;
        TimeSpan killedAt;
        await using (var stream = new PurchaseStream([app.Gateway], ticket.Id, Loops, keyed: user => user % 2 == 1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            try
            {
                await app.ArmCrashAsync(app.Servers[0], Victim);
                killedAt = stream.Now;
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => app.Servers[0].PurchaseAsync(ticket.Id, Victim));
                await Task.Delay(TimeSpan.FromSeconds(4));
                answers = await stream.StopAsync();
            }
            finally
            {
                await app.RestartAfterCrashAsync(TicketRushApp.ServerNames[0]);
            }
        }

        foreach (var group in answers.GroupBy(a => (a.Status, a.Code, Keyed: a.UserId % 2 == 1)))
        {
            output.WriteLine($"{group.Key.Status} {group.Key.Code} keyed={group.Key.Keyed}: {group.Count()}, slowest {group.Max(a => a.Elapsed).TotalSeconds:F2} s");
        }

        Assert.All(answers, a => Assert.True(a.Elapsed < AnswerWithin, $"answered within {AnswerWithin}: {a}"));
        Assert.DoesNotContain(answers, a => a.Status == RushAttempt.TransportFailure);
        Assert.All(answers, a => Assert.True(
            a.Status == 201 || (a.Status == 502 && a.Code == ProblemCodes.BadGateway) || a.Code == ProblemCodes.IdempotencyInProgress,
            $"a sale, a 502 ProblemDetails or a keyed retry still in progress: {a}"));
        Assert.DoesNotContain(answers, a => a.Status == 502 && a.UserId % 2 == 1);
        Assert.True(answers.Count(a => a.Status == 502) <= Loops, "only requests in flight on the dead server failed");
        Assert.All(answers.Where(a => a.At > killedAt + TimeSpan.FromSeconds(1)), a => Assert.Equal(201, a.Status));

        var after = await Invariants.EventuallyExactAsync(app, ticket.Id, TimeSpan.FromSeconds(30));
        var orders = (await app.Servers[1].GetAllOrdersAsync(ticket.Id)).Select(o => o.UserId).ToHashSet();
        Assert.All(answers.Where(a => a.Status == 201), a => Assert.Contains(a.UserId, orders));
        output.WriteLine($"{answers.Count} buyers through the gateway; sold {after.OrderCount}, remaining {after.RemainingStock}");
    }
}
