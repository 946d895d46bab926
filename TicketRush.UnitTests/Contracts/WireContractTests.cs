namespace TicketRush.UnitTests.Contracts;

/// <summary>
/// The texts on the wire, pinned: the servers, the gateway and every client take them from TicketRush.Contracts, so a
/// change there would change them all at once and no integration test would notice. Changing one is a breaking change.
/// </summary>
public sealed class WireContractTests
{
    [Fact]
    public void Header_names()
    {
        Assert.Equal(
            ["Idempotency-Key", "Idempotent-Replayed", "X-Served-By", "X-Admin-Key", "Admission-Token"],
            [ApiHeaders.IdempotencyKey, ApiHeaders.IdempotentReplayed, ApiHeaders.ServedBy, ApiHeaders.AdminKey, ApiHeaders.AdmissionToken]);
    }

    [Fact]
    public void Client_paths()
    {
        Assert.Equal(
            ["/api/tickets/7", "/api/tickets/7/orders", "/api/tickets/7/orders/9", "/api/tickets/7/orders?pageSize=500", "/api/tickets/7/orders?after=9&pageSize=500",
             "/api/tickets/7/queue", "/api/tickets/7/queue/9", "/tickets/7/wait", "/api/strategies", "/health", "/alive"],
            [ApiRoutes.Ticket(7), ApiRoutes.Orders(7), ApiRoutes.Order(7, 9), ApiRoutes.OrdersFirstPage(7, 500), ApiRoutes.OrdersAfter(7, 9, 500),
             ApiRoutes.Queue(7), ApiRoutes.QueueStatus(7, 9), ApiRoutes.WaitingPage(7), ApiRoutes.Strategies, ApiRoutes.Health, ApiRoutes.Alive]);
    }

    [Fact]
    public void Server_templates_match_the_client_paths()
    {
        Assert.Equal("/api/tickets/{id:long}/orders/{orderId:long}", ApiRoutes.OrdersTemplate + ApiRoutes.OrderTemplate);
        Assert.Equal("/api/tickets/{id:long}/queue/{userId:long}", ApiRoutes.QueueTemplate + ApiRoutes.QueueStatusTemplate);
        Assert.Equal("/api/tickets/{id:long}", ApiRoutes.Tickets + ApiRoutes.TicketTemplate);
        Assert.Equal("/tickets/{id:long}/wait", ApiRoutes.WaitingPageTemplate);
    }

    [Fact]
    public void Redis_keys_clients_read()
    {
        Assert.Equal(
            ["ticketrush:{ticket:7}:stock", "ticketrush:{ticket:7}:holders", "ticketrush:{ticket:7}:leases", "ticketrush:{ticket:7}:seeding",
             "redlock:ticketrush:ticket:7", "ticketrush:wr:{7}:meta", "ticketrush:wr:admitter"],
            [RedisKeys.Stock(7), RedisKeys.Holders(7), RedisKeys.Leases(7), RedisKeys.Seeding(7),
             RedisKeys.RedLockKey(7), RedisKeys.WaitingRoom(7, "meta"), RedisKeys.Admitter]);
    }

    [Fact]
    public void Strategy_names()
    {
        Assert.Equal(
            ["none", "lock", "semaphore", "pessimistic", "optimistic", "redlock", "atomic", "redis-counter", "batched"],
            [StrategyNames.NoControl, StrategyNames.Lock, StrategyNames.Semaphore, StrategyNames.Pessimistic, StrategyNames.Optimistic,
             StrategyNames.RedLock, StrategyNames.Atomic, StrategyNames.RedisCounter, StrategyNames.Batched]);
    }
}
