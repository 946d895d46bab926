using System.Net;
using System.Net.Http.Json;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.FrontDoor;

/// <summary>
/// <c>Idempotency-Key</c> on purchases: the first decision is stored in Redis and replayed to every retry from the
/// same buyer and ticket on either server; a key in use is 409, a key reused for another request 422, a malformed one 400.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class IdempotencyTests(TicketRushApp app)
{
    private static long _nextUser = 40_000_000;

    [Fact]
    public async Task A_retry_after_a_lost_response_gets_the_same_order_from_the_other_server()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var user = NextUser();
        var key = KeyedPurchase.NewKey();

        // The buyer gives up before the answer comes: the purchase goes on without them.
        await app.ArmStallAsync(app.Servers[0], user, TimeSpan.FromSeconds(1));
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.Servers[0].PurchaseAsync(ticket.Id, user, key, cancellationToken: impatient.Token));
        }

        using var retry = await RetryWhileInProgressAsync(() => app.Servers[1].PurchaseAsync(ticket.Id, user, key));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.IsReplay(), "the retry is marked as a replay");
        var order = (await retry.Content.ReadFromJsonAsync<OrderResponse>())!;
        var orders = (await app.Servers[0].GetAllOrdersAsync(ticket.Id)).Where(o => o.UserId == user).ToList();
        Assert.Equal(order.Id, Assert.Single(orders).Id);
        Assert.Equal("api-1", order.ServedBy);
        Assert.Equal(ApiRoutes.Order(ticket.Id, order.Id), retry.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Twenty_concurrent_identical_keyed_requests_make_one_order_and_one_first_answer()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var user = NextUser();
        var key = KeyedPurchase.NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.Servers[i % 2].PurchaseAsync(ticket.Id, user, key)));
        try
        {
            var firsts = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.IsReplay()).ToList();
            Assert.Single(firsts);
            foreach (var other in responses.Except(firsts))
            {
                var code = other.IsSuccessStatusCode ? null : (await other.ReadProblemAsync()).Code;
                Assert.True(other.IsReplay() || code == ProblemCodes.IdempotencyInProgress, $"{(int)other.StatusCode} {code}");
            }

            Assert.Single(await app.Servers[0].GetAllOrdersAsync(ticket.Id), o => o.UserId == user);
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task A_sold_out_decision_is_replayed_too()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.Atomic);
        using (var first = await app.Servers[0].PurchaseAsync(ticket.Id, NextUser()))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var user = NextUser();
        var key = KeyedPurchase.NewKey();
        using var refused = await app.Servers[0].PurchaseAsync(ticket.Id, user, key);
        using var retried = await app.Servers[1].PurchaseAsync(ticket.Id, user, key);

        Assert.Equal(ProblemCodes.SoldOut, (await refused.ReadProblemAsync()).Code);
        Assert.False(refused.IsReplay());
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Equal(ProblemCodes.SoldOut, (await retried.ReadProblemAsync()).Code);
        Assert.True(retried.IsReplay());
    }

    [Fact]
    public async Task The_quoted_and_the_bare_form_are_the_same_key()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var user = NextUser();
        var bare = Guid.NewGuid().ToString();

        using var first = await app.Servers[0].PurchaseAsync(ticket.Id, user, bare);
        using var second = await app.Servers[1].PurchaseAsync(ticket.Id, user, $"\"{bare}\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.IsReplay());
    }

    [Fact]
    public async Task A_key_reused_for_another_strategy_of_the_ticket_is_422_and_sells_nothing()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var user = NextUser();
        var key = KeyedPurchase.NewKey();

        using var bought = await app.Servers[0].PurchaseAsync(ticket.Id, user, key);
        using var request = TicketRushClient.PurchaseRequest(ticket.Id, user, idempotencyKey: key);
        request.RequestUri = new Uri($"{ApiRoutes.Orders(ticket.Id)}?strategy=optimistic", UriKind.Relative);
        using var reused = await app.Servers[1].SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(ProblemCodes.IdempotencyKeyReused, (await reused.ReadProblemAsync()).Code);
        Assert.Equal(1, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Fact]
    public async Task The_same_key_on_another_ticket_is_that_tickets_own()
    {
        var first = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var other = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var user = NextUser();
        var key = KeyedPurchase.NewKey();

        using var bought = await app.Servers[0].PurchaseAsync(first.Id, user, key);
        using var alsoBought = await app.Servers[1].PurchaseAsync(other.Id, user, key);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.Equal(HttpStatusCode.Created, alsoBought.StatusCode);
        Assert.False(alsoBought.IsReplay());
        Assert.Equal(1, (await app.Servers[0].GetTicketAsync(other.Id)).OrderCount);
    }

    [Fact]
    public async Task The_same_key_from_another_buyer_is_that_buyers_own()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);
        var key = KeyedPurchase.NewKey();

        using var first = await app.Servers[0].PurchaseAsync(ticket.Id, NextUser(), key);
        using var second = await app.Servers[1].PurchaseAsync(ticket.Id, NextUser(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.IsReplay());
        Assert.Equal(2, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    public static readonly TheoryData<string> MalformedKeys = new()
    {
        "",
        "\"unterminated",
        "\"bad \\q escape\"",
        "two words",
        "abc\"def",
        new string('k', 256),
        $"\"{new string('k', 256)}\"",
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_400_and_sells_nothing(string key)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);

        using var response = await app.Servers[0].PurchaseAsync(ticket.Id, NextUser(), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.ReadProblemAsync()).Code);
        Assert.Equal(0, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Fact]
    public async Task The_longest_key_is_accepted()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(10, StrategyNames.Atomic);

        using var response = await app.Servers[0].PurchaseAsync(ticket.Id, NextUser(), new string('k', 255));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static long NextUser() => Interlocked.Increment(ref _nextUser);

    private static async Task<HttpResponseMessage> RetryWhileInProgressAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || (await response.ReadProblemAsync()).Code != ProblemCodes.IdempotencyInProgress)
            {
                return response;
            }

            Assert.NotNull(response.Headers.RetryAfter);
            response.Dispose();
            await Task.Delay(200, timeout.Token);
        }
    }
}
