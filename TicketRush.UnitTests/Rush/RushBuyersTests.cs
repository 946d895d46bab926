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
    public void RepeatBuyers_interleave_each_user_the_given_number_of_times_every_other_round_reversed()
    {
        Assert.Equal([1L, 2L, 3L, 3L, 2L, 1L, 1L, 2L, 3L], RushRunner.RepeatBuyers(users: 3, attempts: 3));
    }

    [Theory]
    [InlineData(20, 20)]
    [InlineData(3, 4)]
    public void RepeatBuyers_send_each_users_tries_to_both_of_two_servers_by_turns(int users, int attempts)
    {
        // Request i goes to server i % 2.
        var buyers = RushRunner.RepeatBuyers(users, attempts);
        var servers = buyers.Select((user, i) => (user, server: i % 2)).GroupBy(x => x.user, x => x.server);

        Assert.All(servers, user => Assert.Equal(Enumerable.Range(0, attempts).Select(n => (user.First() + n) % 2), user));
    }

    [Fact]
    public void RepeatBuyers_gives_every_user_exactly_the_given_attempts()
    {
        var buyers = RushRunner.RepeatBuyers(users: 50, attempts: 7);

        Assert.Equal(350, buyers.Count);
        Assert.All(buyers.GroupBy(id => id), user => Assert.Equal(7, user.Count()));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), buyers.Distinct().Order());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Keyed_buyers_are_about_one_in_n_on_every_server(int servers)
    {
        var keyed = RushPlan.HalfKeyed;
        var buyers = RushRunner.DistinctBuyers(1_000);

        // Request i goes to server i % servers: each server's buyers are keyed about half the time.
        Assert.All(buyers.Select((buyer, i) => (buyer, server: i % servers)).GroupBy(x => x.server), server =>
            Assert.InRange(server.Count(x => keyed(x.buyer)) / (double)server.Count(), 0.4, 0.6));
        Assert.All(buyers, buyer => Assert.True(RushPlan.KeyedEvery(1)(buyer)));
    }
}
