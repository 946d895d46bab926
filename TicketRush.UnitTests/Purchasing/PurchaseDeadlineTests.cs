using Microsoft.Extensions.Time.Testing;
using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>The time one purchase has, read against a fake clock.</summary>
public sealed class PurchaseDeadlineTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Remaining_shrinks_as_time_passes()
    {
        using var deadline = new PurchaseDeadline(Budget, _time);
        Assert.Equal(Budget, deadline.Remaining);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(3), deadline.Remaining);
    }

    [Fact]
    public void Remaining_is_never_negative()
    {
        using var deadline = new PurchaseDeadline(Budget, _time);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.Zero, deadline.Remaining);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(2_500, 2)]
    [InlineData(4_000, 1)]
    [InlineData(4_001, 1)]
    [InlineData(4_999, 1)]
    [InlineData(3_001, 1)]
    [InlineData(2_999, 2)]
    public void RemainingSeconds_rounds_down_so_a_command_ends_by_the_deadline(int elapsedMilliseconds, int expectedSeconds)
    {
        using var deadline = new PurchaseDeadline(Budget, _time);

        _time.Advance(TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(expectedSeconds, deadline.RemainingSeconds);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(60_000)]
    public void RemainingSeconds_is_at_least_one_even_when_the_time_is_up(int elapsedMilliseconds)
    {
        using var deadline = new PurchaseDeadline(Budget, _time);

        _time.Advance(TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(1, deadline.RemainingSeconds);
    }

    [Fact]
    public void Token_cancels_when_the_budget_passes_and_not_before()
    {
        using var deadline = new PurchaseDeadline(Budget, _time);

        _time.Advance(Budget - TimeSpan.FromMilliseconds(1));
        Assert.False(deadline.Token.IsCancellationRequested, "The token cancelled before the budget passed.");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(deadline.Token.IsCancellationRequested, "The token did not cancel when the budget passed.");
    }

    [Fact]
    public void HasPassed_turns_true_once_the_budget_is_spent()
    {
        using var deadline = new PurchaseDeadline(Budget, _time);

        _time.Advance(Budget - TimeSpan.FromMilliseconds(1));
        Assert.False(deadline.HasPassed);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(deadline.HasPassed);
    }
}
