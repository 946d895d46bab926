using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using TicketRush.Tests.WaitingRoom;

namespace TicketRush.Tests.Security;

/// <summary>One waiting room whose admission round fails does not stop the lines of every ticket after it.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class AdmissionIsolationTests(TicketRushApp app)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_ticket_whose_round_fails_every_tick_does_not_hold_up_a_later_tickets_line()
    {
        var broken = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, StrategyNames.Atomic, waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        var healthy = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 5, StrategyNames.Atomic, waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 50));
        await app.Servers[0].JoinQueueAsync(broken.Id, 75_000_001);
        await using var redis = await app.ConnectRedisAsync();
        // A line key of the wrong type makes every admission round of the broken ticket fail (WRONGTYPE) before the healthy one's turn.
        var brokenMeta = (StackExchange.Redis.RedisKey)RedisKeys.WaitingRoom(broken.Id, "meta");
        await redis.GetDatabase().StringSetAsync(brokenMeta, "damaged");
        try
        {
            await app.Servers[1].JoinQueueAsync(healthy.Id, 75_000_002);

            var admitted = await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[1], healthy.Id, 75_000_002, QueueStatuses.Admitted, Within);

            Assert.NotNull(admitted.AdmissionToken);
        }
        finally
        {
            await redis.GetDatabase().KeyDeleteAsync(brokenMeta);
        }
    }
}
