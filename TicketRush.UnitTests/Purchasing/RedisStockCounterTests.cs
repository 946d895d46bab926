using Microsoft.Extensions.Options;
using MySqlConnector;
using StackExchange.Redis;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.RedisStock;
using TicketRush.UnitTests.Infrastructure;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>The <c>redis-counter</c> scripts against a real Redis: who counts as a buyer, and which reservation a settlement touches.</summary>
public sealed class RedisStockCounterTests(LocalRedis redis) : IClassFixture<LocalRedis>
{
    private const int Stock = 3;
    private const long Buyer = 42;

    // Never opened: these tests settle nothing against MySQL.
    private static readonly MySqlDataSource NoDatabase = new("Server=127.0.0.1;Port=1");

    private static long _nextTicket = 900_000;

    [Fact]
    public async Task A_buyer_with_an_unsettled_reservation_is_pending_and_only_a_confirmed_one_is_already_bought()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var purchase = await SeededPurchaseAsync(counter);
        var lease = RedisStockCounter.NewLeaseId();

        Assert.Equal(Reservation.Reserved, await counter.ReserveAsync(purchase, lease, default));
        Assert.Equal(Reservation.Pending, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));

        await counter.ConfirmAsync(purchase, lease, default);

        Assert.Equal(Reservation.AlreadyBought, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
        Assert.Equal(Stock - 1, await StockAsync(purchase));
    }

    [Fact]
    public async Task A_given_back_reservation_frees_the_buyer_to_reserve_again()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var purchase = await SeededPurchaseAsync(counter);
        var lease = RedisStockCounter.NewLeaseId();
        await counter.ReserveAsync(purchase, lease, default);

        Assert.True(await counter.GiveBackAsync(purchase, lease, keepBuyer: false, default));

        Assert.Equal(Stock, await StockAsync(purchase));
        Assert.Equal(Reservation.Reserved, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
    }

    [Fact]
    public async Task A_late_give_back_of_an_expired_lease_never_gives_back_the_buyers_next_reservation()
    {
        var shortLeases = Counter(TimeSpan.FromMilliseconds(20));
        var purchase = await SeededPurchaseAsync(shortLeases);
        var expiring = RedisStockCounter.NewLeaseId();
        await shortLeases.ReserveAsync(purchase, expiring, default);
        await Task.Delay(100);

        // Two servers reconcile the same expired lease; one gives it back, the buyer reserves again, then the other acts.
        var seen = Assert.Single(await shortLeases.ExpiredReservationsAsync(purchase.TicketId, 10, default));
        Assert.Equal(new ExpiredReservation(Buyer, expiring), seen);
        Assert.True(await shortLeases.GiveBackAsync(purchase, seen.LeaseId, keepBuyer: false, default));
        var longLeases = Counter(TimeSpan.FromMinutes(1));
        Assert.Equal(Reservation.Reserved, await longLeases.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));

        Assert.False(await shortLeases.GiveBackAsync(purchase, seen.LeaseId, keepBuyer: false, default));

        Assert.Equal(Stock - 1, await StockAsync(purchase));
        Assert.Equal(Reservation.Pending, await longLeases.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
    }

    [Fact]
    public async Task A_stale_confirmation_does_not_settle_the_buyers_next_reservation()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var purchase = await SeededPurchaseAsync(counter);
        var first = RedisStockCounter.NewLeaseId();
        await counter.ReserveAsync(purchase, first, default);
        await counter.GiveBackAsync(purchase, first, keepBuyer: false, default);
        await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default);

        await counter.ConfirmAsync(purchase, first, default);

        Assert.Equal(Reservation.Pending, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
    }

    [Fact]
    public async Task Buyers_seeded_from_MySQL_orders_are_already_bought()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var purchase = new PurchaseCommand(Interlocked.Increment(ref _nextTicket), Buyer);
        await counter.SeedAsync(purchase.TicketId, Stock, [Buyer], default);

        Assert.Equal(Reservation.AlreadyBought, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
    }

    [Fact]
    public async Task Seeding_many_buyers_in_chunks_marks_every_one_and_sets_the_counter_last()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var ticketId = Interlocked.Increment(ref _nextTicket);
        var buyers = Enumerable.Range(1, (RedisStockCounter.SeedChunk * 2) + 500).Select(b => (RedisValue)b).ToList();

        await counter.SeedAsync(ticketId, Stock, buyers, default);

        Assert.Equal(Reservation.AlreadyBought, await counter.ReserveAsync(new PurchaseCommand(ticketId, 1), RedisStockCounter.NewLeaseId(), default));
        Assert.Equal(Reservation.AlreadyBought, await counter.ReserveAsync(new PurchaseCommand(ticketId, buyers.Count), RedisStockCounter.NewLeaseId(), default));
        Assert.Equal(Reservation.Reserved, await counter.ReserveAsync(new PurchaseCommand(ticketId, buyers.Count + 1), RedisStockCounter.NewLeaseId(), default));
    }

    [Fact]
    public async Task Seeding_leaves_a_live_counter_and_its_reservations_alone()
    {
        var counter = Counter(TimeSpan.FromMinutes(1));
        var purchase = await SeededPurchaseAsync(counter);
        await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default);

        await counter.SeedAsync(purchase.TicketId, 100, [], default);

        Assert.Equal(Stock - 1, await StockAsync(purchase));
        Assert.Equal(Reservation.Pending, await counter.ReserveAsync(purchase, RedisStockCounter.NewLeaseId(), default));
    }

    private RedisStockCounter Counter(TimeSpan lease) =>
        new(redis.Connection, NoDatabase, Options.Create(new RedisCounterOptions { Lease = lease }));

    private static async Task<PurchaseCommand> SeededPurchaseAsync(RedisStockCounter counter)
    {
        var purchase = new PurchaseCommand(Interlocked.Increment(ref _nextTicket), Buyer);
        await counter.SeedAsync(purchase.TicketId, Stock, [], default);
        return purchase;
    }

    private async Task<int> StockAsync(PurchaseCommand purchase) =>
        (int)await redis.Connection.GetDatabase().StringGetAsync($"ticketrush:{{ticket:{purchase.TicketId}}}:stock");
}
