namespace TicketRush.UnitTests.Rush;

public sealed class FairnessTests
{
    private static OrderResponse Order(long id, long user) => new(id, 1, user, DateTimeOffset.UnixEpoch, "api-1", StrategyNames.Atomic);

    [Fact]
    public void First_come_first_served_in_order_is_perfectly_fair()
    {
        var fairness = Fairness.Of([1, 2, 3, 4, 5], [Order(1, 1), Order(2, 2), Order(3, 3)], stock: 3);

        Assert.Equal(new Fairness(3, 1.0, 0, 0, 1.0), fairness);
    }

    [Fact]
    public void The_right_winners_in_another_order_are_inversions_but_none_out_of_line()
    {
        var fairness = Fairness.Of([1, 2, 3, 4], [Order(1, 3), Order(2, 2), Order(3, 1)], stock: 3);

        Assert.Equal(3, fairness.Inversions);
        Assert.Equal(-1.0, fairness.KendallTau);
        Assert.Equal(0, fairness.WinnersOutOfLine);
        Assert.Equal(1.0, fairness.FirstInLineServed);
    }

    [Fact]
    public void Late_arrivals_who_win_are_out_of_line()
    {
        var fairness = Fairness.Of([1, 2, 3, 4, 5, 6], [Order(1, 6), Order(2, 1), Order(3, 5)], stock: 3);

        Assert.Equal(2, fairness.WinnersOutOfLine);
        Assert.Equal(1.0 / 3, fairness.FirstInLineServed, 6);
    }

    [Fact]
    public void Repeat_arrivals_count_from_the_first()
    {
        var fairness = Fairness.Of([1, 1, 2, 2, 3], [Order(1, 1), Order(2, 2)], stock: 2);

        Assert.Equal(new Fairness(2, 1.0, 0, 0, 1.0), fairness);
    }

    [Fact]
    public void No_winners_is_not_unfair()
    {
        var fairness = Fairness.Of([1, 2], [], stock: 1);

        Assert.Equal(0, fairness.Winners);
        Assert.Equal(1.0, fairness.KendallTau);
    }
}
