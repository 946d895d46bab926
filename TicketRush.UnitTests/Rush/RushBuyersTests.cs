namespace TicketRush.UnitTests.Rush;

/// <summary>The buyers a rush releases.</summary>
public sealed class RushBuyersTests
{
    [Fact]
    public void DistinctBuyers_are_one_to_n_each_once()
    {
        Assert.Equal([1L, 2L, 3L, 4L], RushRunner.DistinctBuyers(4));
        Assert.Empty(RushRunner.DistinctBuyers(0));
    }

    [Fact]
    public void RepeatBuyers_interleave_each_user_the_given_number_of_times()
    {
        Assert.Equal([1L, 2L, 3L, 1L, 2L, 3L], RushRunner.RepeatBuyers(users: 3, attempts: 2));
    }

    [Fact]
    public void RepeatBuyers_gives_every_user_exactly_the_given_attempts()
    {
        var buyers = RushRunner.RepeatBuyers(users: 50, attempts: 7);

        Assert.Equal(350, buyers.Count);
        Assert.All(buyers.GroupBy(id => id), user => Assert.Equal(7, user.Count()));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), buyers.Distinct().Order());
    }
}
