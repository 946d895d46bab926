using System.Net;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Resilience;

/// <summary>
/// A redlock holder stalls between reading and writing the stock; meanwhile its lock expires (the key is
/// deleted from every lock server, as Redis would after the expiry) and another server takes the lock and sells the last ticket.
/// The database-side fence must stop the stalled holder from selling it again.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class LostDistributedLockTests(TicketRushApp app)
{
    private const long StalledUser = 1;
    private const long NextUser = 2;

    [Fact]
    public async Task A_holder_that_lost_its_lock_cannot_oversell()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.RedLock);
        await app.ArmStallAsync(app.Servers[0], StalledUser, TimeSpan.FromSeconds(3));
        var lockKey = RedisKeys.RedLockKey(ticket.Id);

        var stalled = app.Servers[0].PurchaseAsync(ticket.Id, StalledUser);
        await TicketRushApp.WaitUntilStalledAsync(app.Servers[0], StalledUser);
        var deleted = 0;
        foreach (var lockServer in TicketRushApp.LockServerNames)
        {
            await using var redis = await app.ConnectRedisAsync(lockServer);
            deleted += await redis.GetDatabase().KeyDeleteAsync(lockKey) ? 1 : 0;
        }

        Assert.True(deleted == TicketRushApp.LockServerNames.Length, $"the stalled holder's lock was there to expire on every lock server: {deleted}");

        using (var next = await app.Servers[1].PurchaseAsync(ticket.Id, NextUser))
        {
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        }

        using (var late = await stalled)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
            Assert.Equal(ProblemCodes.DependencyUnavailable, (await late.ReadProblemAsync()).Code);
        }

        var after = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((0, 1), (after.RemainingStock, after.OrderCount));
        Assert.Equal(NextUser, Assert.Single(await app.Servers[0].GetAllOrdersAsync(ticket.Id)).UserId);
    }
}
