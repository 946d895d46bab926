using TicketRush.Api.Catalog;

namespace TicketRush.UnitTests.Catalog;

/// <summary>After Redis turns buyers away, a server asks MySQL whether the sale is over: one check at a time, at most one per gap.</summary>
public sealed class SaleSoldOutCheckTests
{
    private const long Gap = 100;

    [Fact]
    public void One_check_at_a_time_however_many_buyers_are_turned_away()
    {
        var sale = new Sale(1, StrategyNames.RedisCounter);

        Assert.True(sale.TryClaimSoldOutCheck(now: 1_000, Gap));
        Assert.False(sale.TryClaimSoldOutCheck(now: 1_000, Gap));
        Assert.False(sale.TryClaimSoldOutCheck(now: 5_000, Gap));
    }

    [Fact]
    public void The_next_check_waits_for_the_gap_after_the_last_one_started()
    {
        var sale = new Sale(1, StrategyNames.RedisCounter);
        Assert.True(sale.TryClaimSoldOutCheck(now: 1_000, Gap));
        sale.EndSoldOutCheck();

        Assert.False(sale.TryClaimSoldOutCheck(now: 1_000 + Gap - 1, Gap));
        Assert.True(sale.TryClaimSoldOutCheck(now: 1_000 + Gap, Gap));
    }

    [Fact]
    public void A_sale_known_sold_out_needs_no_check()
    {
        var sale = new Sale(1, StrategyNames.RedisCounter);
        sale.MarkSoldOut();

        Assert.False(sale.TryClaimSoldOutCheck(now: 1_000, Gap));
    }

    [Fact]
    public void Concurrent_claims_yield_exactly_one_check()
    {
        var sale = new Sale(1, StrategyNames.RedisCounter);
        var claimed = 0;

        Parallel.For(0, 10_000, _ =>
        {
            if (sale.TryClaimSoldOutCheck(now: 1_000, Gap))
            {
                Interlocked.Increment(ref claimed);
            }
        });

        Assert.Equal(1, claimed);
    }
}
