using System.Net.Http.Json;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>The waiting room paces its own polling: each buyer is told when to ask again, far back much later than near the front.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class QueuePollingTests(TicketRushApp app)
{
    private static long _nextUser = 83_000_000;

    [Fact]
    public async Task A_buyer_far_back_is_told_to_ask_again_later_than_one_near_the_front()
    {
        const int buyers = 100;
        var ticket = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 1_000, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 1, AdmissionSeconds: 3));
        var users = Enumerable.Range(0, buyers).Select(_ => Interlocked.Increment(ref _nextUser)).ToList();
        foreach (var (user, i) in users.Select((user, i) => (user, i)))
        {
            await app.Servers[i % 2].JoinQueueAsync(ticket.Id, user);
        }

        // At one admission a second the first few are admitted while the rest join: the tenth has at most nine ahead
        // (nine seconds at the soonest) or, admitted, three seconds to buy; the last has some ninety ahead (past the 60 s cap).
        var (nearHeader, near) = await StatusAsync(app.Servers[1], ticket.Id, users[9]);
        var (farHeader, far) = await StatusAsync(app.Servers[0], ticket.Id, users[^1]);

        Assert.Equal("waiting", far.Status);
        Assert.True(near.Status is "waiting" or "admitted", near.Status);
        Assert.Equal((near.RetryAfterSeconds, far.RetryAfterSeconds), (nearHeader, farHeader));
        Assert.True(far.RetryAfterSeconds > near.RetryAfterSeconds, $"far back ({far.Ahead} ahead) retries in {far.RetryAfterSeconds} s, near the front ({near.Ahead} ahead) in {near.RetryAfterSeconds} s");
        Assert.Equal(60, far.RetryAfterSeconds);
    }

    private static async Task<(int? Header, QueueStatusResponse Status)> StatusAsync(HttpClient server, long ticketId, long user)
    {
        using var response = await server.GetAsync($"/api/tickets/{ticketId}/queue/{user}");
        response.EnsureSuccessStatusCode();
        var header = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : (int?)null;
        return (header, (await response.Content.ReadFromJsonAsync<QueueStatusResponse>())!);
    }
}
