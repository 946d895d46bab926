using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>
/// The waiting room through real processes: one line shared by both servers, admission in line order at the ticket's
/// rate and never beyond the remaining stock, signed admissions required to buy, lapsed admissions passed on.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class WaitingRoomTests(TicketRushApp app, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static long _nextUser = 80_000_000;

    [Fact]
    public async Task The_first_in_line_buy_whatever_server_they_joined_and_acted_on()
    {
        const int stock = 10;
        const int buyers = 30;
        var ticket = await CreateAsync(stock, new WaitingRoomRequest(AdmitPerSecond: 20));
        var users = Enumerable.Range(0, buyers).Select(_ => NextUser()).ToList();

        // They arrive one after another, alternating servers: the line's order is the order they came in.
        var positions = new List<long>();
        for (var i = 0; i < buyers; i++)
        {
            positions.Add((await app.Servers[i % 2].JoinQueueAsync(ticket.Id, users[i])).Position);
        }

        Assert.Equal(Enumerable.Range(1, buyers).Select(p => (long)p), positions);
        Assert.Equal(1, (await app.Servers[1].JoinQueueAsync(ticket.Id, users[0])).Position);

        // Then all of them wait and buy at once, each on the other server than the one they joined.
        var outcomes = await Task.WhenAll(users.Select((user, i) => WaitingRoomBuyer.WaitAndBuyAsync(app.Servers[(i + 1) % 2], ticket.Id, user, Within)));

        var winners = users.Where((_, i) => outcomes[i].Purchase == HttpStatusCode.Created).ToList();
        Assert.Equal(users.Take(stock), winners);
        Assert.All(outcomes.Skip(stock), outcome => Assert.Equal(QueueStatuses.SoldOut, outcome.Status));
        var after = await Invariants.AssertExactAsync(app, ticket.Id);
        Assert.Equal((stock, 0), (after.OrderCount, after.RemainingStock));
    }

    [Fact]
    public async Task A_purchase_without_a_valid_admission_for_that_buyer_and_ticket_is_403()
    {
        var ticket = await CreateAsync(5, new WaitingRoomRequest(AdmitPerSecond: 50, AdmissionSeconds: 1));
        var other = await CreateAsync(5, new WaitingRoomRequest(AdmitPerSecond: 50));
        var (buyer, stranger) = (NextUser(), NextUser());
        await app.Servers[0].JoinQueueAsync(ticket.Id, buyer);
        await app.Servers[0].JoinQueueAsync(other.Id, buyer);
        var token = (await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[1], ticket.Id, buyer, QueueStatuses.Admitted, Within)).AdmissionToken!;
        var otherTicketsToken = (await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[1], other.Id, buyer, QueueStatuses.Admitted, Within)).AdmissionToken!;
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        await AssertNotAdmittedAsync(ticket.Id, buyer, null);
        await AssertNotAdmittedAsync(ticket.Id, buyer, "not-a-token");
        await AssertNotAdmittedAsync(ticket.Id, buyer, forged);
        await AssertNotAdmittedAsync(ticket.Id, stranger, token);
        await AssertNotAdmittedAsync(ticket.Id, buyer, otherTicketsToken);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await AssertNotAdmittedAsync(ticket.Id, buyer, token);
        Assert.Equal(0, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Fact]
    public async Task A_keyed_purchase_is_replayed_after_the_admission_expired()
    {
        var ticket = await CreateAsync(5, new WaitingRoomRequest(AdmitPerSecond: 50, AdmissionSeconds: 1));
        var buyer = NextUser();
        await app.Servers[0].JoinQueueAsync(ticket.Id, buyer);
        var token = (await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[0], ticket.Id, buyer, QueueStatuses.Admitted, Within)).AdmissionToken!;
        var key = KeyedPurchase.NewKey();

        using (var bought = await app.Servers[0].PurchaseAsync(ticket.Id, buyer, key, admissionToken: token))
        {
            Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var retry = await app.Servers[1].PurchaseAsync(ticket.Id, buyer, key, admissionToken: token);

        // The buyer's answer is the sale's decision, replayed; an expired admission does not turn it into a refusal.
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.IsReplay(), "the retry is the first answer, replayed (Idempotent-Replayed: true)");
        Assert.Equal(1, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Fact]
    public async Task An_admitted_buyer_who_never_buys_passes_the_turn_on()
    {
        var ticket = await CreateAsync(1, new WaitingRoomRequest(AdmitPerSecond: 50, AdmissionSeconds: 1));
        var (idle, next) = (NextUser(), NextUser());
        await app.Servers[0].JoinQueueAsync(ticket.Id, idle);
        await app.Servers[1].JoinQueueAsync(ticket.Id, next);

        await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[0], ticket.Id, idle, QueueStatuses.Admitted, Within);
        // One ticket left and one admission out: the next buyer waits rather than being admitted to a race.
        Assert.Equal(QueueStatuses.Waiting, (await app.Servers[1].GetQueueStatusAsync(ticket.Id, next)).Status);

        var (status, purchase) = await WaitingRoomBuyer.WaitAndBuyAsync(app.Servers[1], ticket.Id, next, Within);

        Assert.Equal((QueueStatuses.Admitted, (HttpStatusCode?)HttpStatusCode.Created), (status, purchase));
        Assert.Equal(QueueStatuses.Expired, (await app.Servers[0].GetQueueStatusAsync(ticket.Id, idle)).Status);
        Assert.Equal(QueueStatuses.Purchased, (await app.Servers[0].GetQueueStatusAsync(ticket.Id, next)).Status);
    }

    [Fact]
    public async Task Admission_goes_on_when_the_admitting_server_is_killed()
    {
        await using var redis = await app.ConnectRedisAsync();
        var admitter = await WaitForAdmitterAsync(redis.GetDatabase());
        var victim = Array.IndexOf(TicketRushApp.ServerNames, admitter.Split(':')[0]);
        var survivor = app.Servers[1 - victim];
        output.WriteLine($"admitting server: {admitter}");

        // The admitting server dies outright (FailFast), holding its admission lease.
        var crashTicket = await app.Servers[victim].CreateTicketAsync(1, StrategyNames.Atomic);
        var crashUser = NextUser();
        await app.ArmCrashAsync(app.Servers[victim], crashUser);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => app.Servers[victim].PurchaseAsync(crashTicket.Id, crashUser));
        try
        {
            var ticket = await CreateAsync(3, new WaitingRoomRequest(AdmitPerSecond: 50), survivor);
            var buyer = NextUser();
            await survivor.JoinQueueAsync(ticket.Id, buyer);

            var (status, purchase) = await WaitingRoomBuyer.WaitAndBuyAsync(survivor, ticket.Id, buyer, Within);

            Assert.Equal((QueueStatuses.Admitted, (HttpStatusCode?)HttpStatusCode.Created), (status, purchase));
            Assert.StartsWith(TicketRushApp.ServerNames[1 - victim], await WaitForAdmitterAsync(redis.GetDatabase()), StringComparison.Ordinal);
        }
        finally
        {
            await app.RestartAfterCrashAsync(TicketRushApp.ServerNames[victim]);
        }
    }

    [Fact]
    public async Task A_ticket_without_a_waiting_room_has_no_line_and_needs_no_admission()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Atomic);

        using var join = await app.Servers[0].PostAsJsonAsync(ApiRoutes.Queue(ticket.Id), new { userId = NextUser() });
        using var purchase = await app.Servers[0].PurchaseAsync(ticket.Id, NextUser());

        Assert.Equal(HttpStatusCode.Conflict, join.StatusCode);
        Assert.Equal(ProblemCodes.NoWaitingRoom, (await join.ReadProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
    }

    [Fact]
    public async Task A_buyer_who_never_joined_is_not_in_line()
    {
        var ticket = await CreateAsync(5, new WaitingRoomRequest(AdmitPerSecond: 5));

        using var response = await app.Servers[0].GetAsync(ApiRoutes.QueueStatus(ticket.Id, NextUser()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemCodes.NotInQueue, (await response.ReadProblemAsync()).Code);
    }

    private Task<TicketResponse> CreateAsync(int stock, WaitingRoomRequest waitingRoom, HttpClient? server = null) =>
        (server ?? app.Servers[0]).CreateTicketAsync(TicketRushApp.AdminKey, stock, StrategyNames.Atomic, waitingRoom: waitingRoom);

    private async Task AssertNotAdmittedAsync(long ticketId, long userId, string? token)
    {
        using var response = await app.Servers[0].PurchaseAdmittedAsync(ticketId, userId, token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemCodes.NotAdmitted, (await response.ReadProblemAsync()).Code);
    }

    private static async Task<string> WaitForAdmitterAsync(IDatabase redis)
    {
        using var timeout = new CancellationTokenSource(Within);
        while (true)
        {
            if (await redis.StringGetAsync(RedisKeys.Admitter) is { HasValue: true } holder)
            {
                return holder!;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static long NextUser() => Interlocked.Increment(ref _nextUser);
}
