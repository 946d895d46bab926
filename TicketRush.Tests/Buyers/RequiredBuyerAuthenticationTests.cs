using System.Net;
using System.Net.Http.Json;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using TicketRush.Tests.WaitingRoom;

namespace TicketRush.Tests.Buyers;

/// <summary>
/// <c>Buyers:Authentication=required</c>, on the real servers: the buyer is the bearer token's subject, and nobody buys,
/// waits or reads a line as someone else.
/// </summary>
[Collection(BuyersRequiredCollection.Name)]
public sealed class RequiredBuyerAuthenticationTests(BuyersRequiredApp app)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private static long _nextUser = 81_000_000;

    private static long NextUser() => Interlocked.Increment(ref _nextUser);

    [Fact]
    public async Task Without_a_token_purchase_join_and_queue_status_are_401_buyer_unauthenticated_and_nothing_is_sold()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var queued = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var user = NextUser();

        using var purchase = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = user }, token: null));
        using var join = await app.Servers[1].SendAsync(BuyerRequests.JoinQueue(queued.Id, new { userId = user }, token: null));
        using var status = await app.Servers[0].SendAsync(BuyerRequests.QueueStatus(queued.Id, user, token: null));

        foreach (var response in new[] { purchase, join, status })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("buyer-unauthenticated", (await response.ReadProblemAsync()).Code);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(5, (await app.Servers[1].GetTicketAsync(ticket.Id)).RemainingStock);
    }

    [Fact]
    public async Task An_expired_forged_or_foreign_token_is_401_invalid_buyer_token()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var user = NextUser();
        var now = DateTime.UtcNow;
        string[] invalid =
        [
            // Past the servers' 5 s clock skew.
            app.Buyers.Mint(user, now.AddMinutes(-10), now.AddSeconds(-30)),
            new BuyerTokens("someone-elses-key-0123456789-0123456789-0123456789").For(user),
            app.Buyers.Mint(user, now, now.AddMinutes(5), forAudience: "another-api"),
            "not-a-jwt",
        ];

        foreach (var token in invalid)
        {
            using var response = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = user }, token));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid-buyer-token", (await response.ReadProblemAsync()).Code);
        }

        Assert.Equal(5, (await app.Servers[1].GetTicketAsync(ticket.Id)).RemainingStock);
    }

    [Fact]
    public async Task A_body_userId_that_is_not_the_token_subject_is_403_buyer_mismatch_and_nothing_is_sold()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var queued = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var (victim, attacker) = (NextUser(), NextUser());
        var token = app.Buyers.For(attacker);

        using var purchase = await app.Servers[0].SendAsync(BuyerRequests.Purchase(ticket.Id, new { userId = victim }, token));
        using var join = await app.Servers[1].SendAsync(BuyerRequests.JoinQueue(queued.Id, new { userId = victim }, token));

        foreach (var response in new[] { purchase, join })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("buyer-mismatch", (await response.ReadProblemAsync()).Code);
        }

        Assert.Empty(await app.Servers[1].GetAllOrdersAsync(ticket.Id));
    }

    [Fact]
    public async Task A_token_alone_buys_as_its_subject_on_either_server_and_through_the_gateway()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, "atomic");
        var buyers = new[] { NextUser(), NextUser(), NextUser() };
        var clients = new[] { app.Servers[0], app.Servers[1], app.Gateway };

        for (var i = 0; i < buyers.Length; i++)
        {
            using var response = await clients[i].SendAsync(BuyerRequests.Purchase(ticket.Id, new { }, app.Buyers.For(buyers[i])));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(buyers[i], (await response.Content.ReadFromJsonAsync<OrderResponse>())!.UserId);
        }

        Assert.Equal(buyers.Order(), (await app.Servers[0].GetAllOrdersAsync(ticket.Id)).Select(o => o.UserId).Order());
    }

    [Fact]
    public async Task Another_buyers_queue_status_and_admission_token_are_404_to_a_token_holder()
    {
        var queued = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var (owner, stranger) = (NextUser(), NextUser());
        await app.Servers[0].JoinQueueAsync(queued.Id, owner);
        await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[0], queued.Id, owner, "admitted", Within);

        using var peek = await app.Servers[1].SendAsync(BuyerRequests.QueueStatus(queued.Id, owner, app.Buyers.For(stranger)));

        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal("not-in-queue", (await peek.ReadProblemAsync()).Code);
        Assert.DoesNotContain("admissionToken", await peek.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_admission_is_spent_only_by_its_buyer_on_its_own_sale()
    {
        var admitting = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var other = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var (admitted, thief) = (NextUser(), NextUser());
        await app.Servers[0].JoinQueueAsync(admitting.Id, admitted);
        var admission = (await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[0], admitting.Id, admitted, "admitted", Within)).AdmissionToken!;

        // The admitted buyer on another sale, and someone else (leaving userId out, or naming the admitted buyer) on this one.
        using var elsewhere = await app.Servers[1].SendAsync(BuyerRequests.Purchase(other.Id, new { }, app.Buyers.For(admitted)).WithAdmission(admission));
        using var stolen = await app.Servers[1].SendAsync(BuyerRequests.Purchase(admitting.Id, new { }, app.Buyers.For(thief)).WithAdmission(admission));
        using var impersonated = await app.Servers[0].SendAsync(
            BuyerRequests.Purchase(admitting.Id, new { userId = admitted }, app.Buyers.For(thief)).WithAdmission(admission));

        Assert.Equal((HttpStatusCode.Forbidden, "not-admitted"), (elsewhere.StatusCode, (await elsewhere.ReadProblemAsync()).Code));
        Assert.Equal((HttpStatusCode.Forbidden, "not-admitted"), (stolen.StatusCode, (await stolen.ReadProblemAsync()).Code));
        Assert.Equal((HttpStatusCode.Forbidden, "buyer-mismatch"), (impersonated.StatusCode, (await impersonated.ReadProblemAsync()).Code));
        Assert.Empty(await app.Servers[1].GetAllOrdersAsync(admitting.Id));
        Assert.Empty(await app.Servers[1].GetAllOrdersAsync(other.Id));

        // The admission still works for its own buyer.
        using var own = await app.Servers[1].SendAsync(BuyerRequests.Purchase(admitting.Id, new { }, app.Buyers.For(admitted)).WithAdmission(admission));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task Per_buyer_limits_count_the_token_subjects_attempts_across_both_servers()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(100, "atomic");
        var token = app.Buyers.For(NextUser());
        var address = KeyedPurchase.NewClientAddress();
        var codes = new List<string?>();
        for (var i = 0; i < TicketRushApp.PerBuyerLimit + 2; i++)
        {
            using var response = await app.Servers[i % 2].SendAsync(BuyerRequests.Purchase(ticket.Id, new { }, token, address));
            codes.Add(response.IsSuccessStatusCode ? "created" : (await response.ReadProblemAsync()).Code);
        }

        Assert.Equal(
            ["created", .. Enumerable.Repeat("already-purchased", TicketRushApp.PerBuyerLimit - 1), .. Enumerable.Repeat("rate-limited", 2)],
            codes);
    }
}
