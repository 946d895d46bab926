using System.Net;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.FrontDoor;

/// <summary>
/// Limits per client address and per buyer, counted once for both servers (in Redis). The suite's limits are
/// <see cref="TicketRushApp.PerAddressLimit"/> and <see cref="TicketRushApp.PerBuyerLimit"/> per 30 s; loopback is
/// exempt, so these tests speak as clients behind the gateway (X-Forwarded-For).
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class RateLimitTests(TicketRushApp app)
{
    private static long _nextUser = 50_000_000;

    [Fact]
    public async Task A_client_address_gets_its_limit_once_across_both_servers_then_429()
    {
        var address = KeyedPurchase.NewClientAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TicketRushApp.PerAddressLimit + 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Strategies);
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await app.Servers[i % 2].SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await AssertRateLimitedAsync(response);
            }
        }

        Assert.Equal(TicketRushApp.PerAddressLimit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // Another client is not affected.
        using var other = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.Strategies);
        other.Headers.Add("X-Forwarded-For", KeyedPurchase.NewClientAddress());
        using var answer = await app.Servers[0].SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_buyer_gets_their_purchase_attempts_once_across_both_servers_then_429()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100, StrategyNames.Atomic);
        var user = Interlocked.Increment(ref _nextUser);
        var address = KeyedPurchase.NewClientAddress();
        var codes = new List<string?>();
        for (var i = 0; i < TicketRushApp.PerBuyerLimit + 3; i++)
        {
            using var response = await app.Servers[i % 2].PurchaseAsync(ticket.Id, user, key: null, clientAddress: address);
            codes.Add(response.IsSuccessStatusCode ? "created" : (await response.ReadProblemAsync()).Code);
            Assert.Equal(response.StatusCode == HttpStatusCode.TooManyRequests, response.Headers.RetryAfter is not null);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The buyer's window (30 s in the suite) opened with its first purchase moments ago.
                Assert.True(response.Headers.RetryAfter!.Delta > TimeSpan.FromSeconds(1), $"Retry-After is the rest of the window, not a default: {response.Headers.RetryAfter}");
            }
        }

        Assert.Equal(
            ["created", .. Enumerable.Repeat(ProblemCodes.AlreadyPurchased, TicketRushApp.PerBuyerLimit - 1), .. Enumerable.Repeat(ProblemCodes.RateLimited, 3)],
            codes);

        // Another buyer from the same address still buys.
        using var other = await app.Servers[0].PurchaseAsync(ticket.Id, Interlocked.Increment(ref _nextUser), key: null, clientAddress: address);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(ProblemCodes.RateLimited, (await response.ReadProblemAsync()).Code);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(response.Headers.RetryAfter.Delta > TimeSpan.FromSeconds(1), $"Retry-After is the rest of the window, not a default: {response.Headers.RetryAfter}");
    }
}
