using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using TicketRush.Tests.WaitingRoom;

namespace TicketRush.Tests.Security;

/// <summary>
/// At Redis's <c>maxmemory</c> (noeviction) what needs Redis fails closed and says so: a 503 naming a full store, nothing
/// sold, nobody's place in line lost. Redis is made full for real, with a tiny <c>maxmemory</c>, then given its cap back.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class RedisFullTests(TicketRushApp app)
{
    private static long _nextUser = 84_000_000;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_full_redis_refuses_joins_and_keyed_purchases_with_503_and_loses_nobody_in_line()
    {
        var line = await app.Servers[0].CreateTicketAsync(TicketRushApp.AdminKey, 10, "atomic", waitingRoom: new WaitingRoomRequest(AdmitPerSecond: 2));
        var plain = await app.Servers[0].CreateTicketAsync(10, "atomic");
        var waiting = Enumerable.Range(0, 6).Select(_ => Interlocked.Increment(ref _nextUser)).ToList();
        foreach (var user in waiting)
        {
            await app.Servers[0].JoinQueueAsync(line.Id, user);
        }

        await WhileFullAsync(async () =>
        {
            using var join = await app.Servers[1].PostAsJsonAsync($"/api/tickets/{line.Id}/queue", new { userId = Interlocked.Increment(ref _nextUser) });
            await AssertFullAsync(join, "the reservation store is full");

            using var keyed = await app.Servers[0].PurchaseAsync(plain.Id, Interlocked.Increment(ref _nextUser), KeyedPurchase.NewKey());
            await AssertFullAsync(keyed, "the idempotency store is full");

            // Admission rounds keep ticking against the full Redis meanwhile (ten a second on the admitting server).
            await Task.Delay(TimeSpan.FromSeconds(2));
        });

        // Everyone who was in line is still there, and is admitted in turn once Redis has room again.
        foreach (var user in waiting)
        {
            var state = await WaitingRoomBuyer.WaitForStatusAsync(app.Servers[1], line.Id, user, "admitted", Within);
            Assert.NotNull(state.AdmissionToken);
        }

        Assert.Equal(0, (await app.Servers[0].GetTicketAsync(plain.Id)).OrderCount);
    }

    private static async Task AssertFullAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("dependency-unavailable", problem.Code);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Sets Redis's maxmemory below what it holds, so every write that would grow it is refused, then restores it.</summary>
    private async Task WhileFullAsync(Func<Task> whileFull)
    {
        var options = ConfigurationOptions.Parse(await app.ConnectionStringAsync("redis"));
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var cap = (await server.ConfigGetAsync("maxmemory")).Single().Value;
        await server.ConfigSetAsync("maxmemory", "1");
        try
        {
            await whileFull();
        }
        finally
        {
            await server.ConfigSetAsync("maxmemory", cap);
        }
    }
}
