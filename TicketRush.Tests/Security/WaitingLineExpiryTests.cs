using System.Net;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using TicketRush.Tests.WaitingRoom;

namespace TicketRush.Tests.Security;

/// <summary>Waiting lines do not pile up in Redis sale after sale: once a ticket sells out its line expires.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class WaitingLineExpiryTests(TicketRushApp app)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sold_out_tickets_line_gets_an_expiry()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 1, StrategyNames.Atomic, waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        await app.Servers[0].JoinQueueAsync(ticket.Id, 74_000_001);
        var (status, purchase) = await WaitingRoomBuyer.WaitAndBuyAsync(app.Servers[1], ticket.Id, 74_000_001, Within);
        Assert.Equal((QueueStatuses.Admitted, HttpStatusCode.Created), (status, purchase));
        await app.Servers[0].JoinQueueAsync(ticket.Id, 74_000_002);

        await using var redis = await app.ConnectRedisAsync();
        var database = redis.GetDatabase();
        using var timeout = new CancellationTokenSource(Within);
        string[] keys = [.. new[] { "positions", "states", "meta", "sequence" }.Select(part => RedisKeys.WaitingRoom(ticket.Id, part))];
        while (true)
        {
            var expiries = await Task.WhenAll(keys.Select(key => database.KeyTimeToLiveAsync(key)));
            if (expiries.All(ttl => ttl is { } left && left > TimeSpan.Zero && left <= TimeSpan.FromHours(1)))
            {
                break;
            }

            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(QueueStatuses.SoldOut, (await app.Servers[0].GetQueueStatusAsync(ticket.Id, 74_000_002)).Status);
    }
}
