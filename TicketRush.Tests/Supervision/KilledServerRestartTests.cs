using TicketRush.Rush.Drills;
using TicketRush.Rush.History;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Supervision;

/// <summary>
/// api-1 SIGKILLed mid-rush with nobody to start it by hand: the AppHost's supervisor starts it again, the new process
/// sells, and every answer of the rush and of the sales after passes the history checker.
/// </summary>
[Collection(SupervisedCollection.Name)]
public sealed class KilledServerRestartTests(SupervisedApp app, ITestOutputHelper output)
{
    private const int Buyers = 400;

    private static readonly TimeSpan BackWithin = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_server_killed_mid_rush_is_started_again_by_the_AppHost_and_sells()
    {
        // More stock than the rush's buyers: what is left is for the restarted server to sell.
        var ticket = await app.Servers[0].CreateTicketAsync(2 * Buyers, "atomic");
        var history = new PurchaseHistory();
        var targets = RushRunner.Targets(app.Servers);
        var killed = TicketRushApp.ProcessOf(app.Servers[0]);

        var rushing = RushRunner.RunAsync(targets, ticket, RushRunner.DistinctBuyers(Buyers),
            new RushPlan(Keyed: RushPlan.HalfKeyed, FaultsInjected: true, History: history));
        while (history.Operations.Count == 0)
        {
            await Task.Delay(5);
        }

        TicketRushApp.Kill(killed);
        var killedAt = history.Clock.Now;
        output.WriteLine((await rushing).ToString());

        var (restarted, backIn) = await WaitUntilBackAsync(app.Servers[0], killed);
        output.WriteLine($"api-1 (process {killed}) killed at {killedAt.TotalMilliseconds:F0} ms; process {restarted} answered /health {backIn.TotalSeconds:F1} s later");

        // The new process sells: fresh buyers on api-1 alone.
        var sales = new List<PurchaseOperation>();
        for (var buyer = 1_000_000L; buyer < 1_000_020; buyer++)
        {
            sales.Add(await RecordedPurchase.AttemptAsync(history, targets[0], ticket.Id, buyer, key: null));
        }

        Assert.True(sales.All(s => s.Status == 201 && s.ServedBy == TicketRushApp.ServerNames[0]),
            $"the restarted api-1 sold to every fresh buyer: {string.Join("; ", sales.Where(s => s.Status != 201))}");

        var after = await Invariants.EventuallyExactAsync(app, ticket.Id, TimeSpan.FromSeconds(30));
        var verdict = HistoryChecker.Check(history.Operations, after, await app.Servers[0].GetAllOrdersAsync(ticket.Id), faultsInjected: true);
        output.WriteLine(verdict.ToString());
        Assert.True(verdict.IsValid, $"history checks: {verdict}");
    }

    /// <summary>Waits until another process than <paramref name="killed"/> listens on the server's port and answers its health check.</summary>
    private static async Task<(int Process, TimeSpan After)> WaitUntilBackAsync(HttpClient server, int killed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < BackWithin)
        {
            if (LocalProcess.ListeningOn(server.BaseAddress!.Port) is { } process && process != killed)
            {
                try
                {
                    using var health = await server.GetAsync(ApiRoutes.Health);
                    if (health.IsSuccessStatusCode)
                    {
                        return (process, clock.Elapsed);
                    }
                }
                catch (HttpRequestException)
                {
                    // Listening, not answering yet.
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"api-1 was not started again within {BackWithin} of its kill: the AppHost's supervisor did not restart it.");
    }
}
