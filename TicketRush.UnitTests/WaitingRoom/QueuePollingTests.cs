using TicketRush.Api.WaitingRoom;

namespace TicketRush.UnitTests.WaitingRoom;

public sealed class QueuePollingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly WaitingRoomOptions Options = new();

    private static TimeSpan? RetryAfter(QueueState state, int admitPerSecond = 100) =>
        QueuePolling.RetryAfter(state, admitPerSecond, Now, Options);

    private static QueueState Waiting(long ahead) => new(ahead + 1, QueueStatuses.Waiting, ahead, null);

    [Fact]
    public void A_buyer_near_the_front_asks_again_every_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter(Waiting(ahead: 0)));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter(Waiting(ahead: 50)));
    }

    [Fact]
    public void A_buyer_asks_again_when_its_turn_can_come_at_the_soonest()
    {
        // 1,000 ahead at 100 a second: admission never outruns the rate, so not before 10 s.
        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfter(Waiting(ahead: 1_000)));
    }

    [Fact]
    public void A_buyer_far_back_asks_again_after_the_longest_interval()
    {
        Assert.Equal(Options.MaxPollInterval, RetryAfter(Waiting(ahead: 90_000)));
        Assert.Equal(Options.MaxPollInterval, RetryAfter(Waiting(ahead: 100), admitPerSecond: 1));
        Assert.Equal(TimeSpan.FromSeconds(60), Options.MaxPollInterval);
    }

    [Fact]
    public void An_admitted_buyer_asks_again_when_its_admission_lapses()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter(new QueueState(1, QueueStatuses.Admitted, 0, Now.AddSeconds(20))));
    }

    [Theory]
    [InlineData(QueueStatuses.Purchased)]
    [InlineData(QueueStatuses.Expired)]
    [InlineData(QueueStatuses.SoldOut)]
    public void A_final_status_is_never_asked_again(string status)
    {
        Assert.Null(RetryAfter(new QueueState(1, status, 0, null)));
    }
}
