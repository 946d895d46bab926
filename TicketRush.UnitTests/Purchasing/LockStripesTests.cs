using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>Striped in-process locks: one ticket, one lock; a fixed number of locks whatever ids arrive.</summary>
public sealed class LockStripesTests
{
    private const int Stripes = 8;

    private static readonly long[] AwkwardIds = [0, 1, -1, 7, 8, -8, 1_000_003, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1];

    [Fact]
    public void Same_ticket_always_gets_the_same_lock()
    {
        var stripes = new LockStripes<object>(Stripes, () => new object());

        foreach (var id in AwkwardIds)
        {
            Assert.Same(stripes.For(id), stripes.For(id));
        }
    }

    [Fact]
    public void Only_the_configured_number_of_locks_is_ever_created_whatever_the_ids()
    {
        var created = 0;
        var stripes = new LockStripes<object>(Stripes, () =>
        {
            created++;
            return new object();
        });

        var ids = AwkwardIds.Concat(Enumerable.Range(-5_000, 10_000).Select(i => i * 7_919L));
        var locks = ids.Select(stripes.For).Distinct().Count();

        Assert.Equal(Stripes, created);
        Assert.True(locks <= Stripes, $"{locks} distinct locks handed out from {Stripes} stripes.");
    }

    [Fact]
    public void Consecutive_ticket_ids_spread_over_every_lock()
    {
        var stripes = new LockStripes<object>(Stripes, () => new object());

        var locks = Enumerable.Range(1, Stripes).Select(i => stripes.For(i)).Distinct().Count();

        Assert.Equal(Stripes, locks);
    }
}
