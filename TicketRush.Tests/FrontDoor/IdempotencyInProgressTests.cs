using TicketRush.Rush;
using TicketRush.Rush.History;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.FrontDoor;

/// <summary>
/// A keyed purchase still running on one server (stalled before its write, holding what its strategy holds) and its
/// key sent to the other: that server must not run it a second time, nor guess, but answer
/// <c>409 idempotency-in-progress</c> with <c>Retry-After</c>; the buyer who retries after it is given the real result,
/// the first attempt's order replayed. Every attempt passes the history checker.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class IdempotencyInProgressTests(TicketRushApp app, ITestOutputHelper output)
{
    private static long _nextUser = 41_000_000;

    /// <summary>Long enough for the other server to be asked while the first attempt is inside it.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    public static readonly TheoryData<string> Strategies = new(["atomic", "pessimistic", "redlock", "redis-counter"]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_key_running_on_one_server_is_409_in_progress_with_Retry_After_on_the_other_and_the_retry_gets_the_real_result(string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, strategy);
        var buyer = Interlocked.Increment(ref _nextUser);
        var key = RushRunner.NewKey();
        var history = new PurchaseHistory();
        var (first, other) = (RushRunner.Targets(app.Servers)[0], RushRunner.Targets(app.Servers)[1]);

        await app.ArmStallAsync(app.Servers[0], buyer, Stall);
        var running = RecordedPurchase.AttemptAsync(history, first, ticket.Id, buyer, key);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[0], buyer);

        var inProgress = await RecordedPurchase.AttemptAsync(history, other, ticket.Id, buyer, key);
        Assert.True(inProgress is { Status: 409, Code: ProblemCodes.IdempotencyInProgress, RetryAfter: not null },
            $"the other server answered the running key 409 {ProblemCodes.IdempotencyInProgress} with Retry-After: {inProgress}");
        Assert.False(running.IsCompleted, "the first attempt was still running when the other server answered");

        // The buyer does as told: waits Retry-After, asks the other server again, and goes on until the answer is definite.
        await Task.Delay(inProgress.RetryAfter!.Value);
        var retried = await RecordedPurchase.BuyAsync(history, [other], 0, ticket.Id, buyer, key, RetryPolicy.Default);
        var sold = await running;
        foreach (var attempt in history.Operations)
        {
            output.WriteLine(attempt.ToString());
        }

        Assert.True(sold is { Status: 201, OrderId: not null }, $"the first attempt sold: {sold}");
        Assert.True(retried[^1] is { Status: 201, Replayed: true } && retried[^1].OrderId == sold.OrderId,
            $"the retry was given the first attempt's order {sold.OrderId}, replayed: {retried[^1]}");

        var after = await Invariants.EventuallyExactAsync(app, ticket.Id, TimeSpan.FromSeconds(30));
        var orders = await app.Servers[1].GetAllOrdersAsync(ticket.Id);
        Assert.Single(orders, o => o.UserId == buyer);
        var verdict = HistoryChecker.Check(history.Operations, after, orders);
        output.WriteLine(verdict.ToString());
        Assert.True(verdict.IsValid, $"history checks: {verdict}");
    }
}
