using TicketRush.Api.Purchasing.Strategies;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>Exponential backoff with full jitter: the ceiling doubles per conflict up to a cap, the wait is a random share of it.</summary>
public sealed class JitteredBackoffTests
{
    private static readonly OptimisticOptions Options = new()
    {
        BaseBackoff = TimeSpan.FromMilliseconds(2),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoffDoublings = 6,
    };

    // A cap so high that only MaxBackoffDoublings limits the ceiling.
    private static readonly OptimisticOptions Uncapped = new()
    {
        BaseBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromHours(1),
        MaxBackoffDoublings = 4,
    };

    private const double AlmostOne = 0.999_999;

    // So many buyers in flight that only the doublings and MaxBackoff limit the ceiling.
    private const int Crowd = 1_000_000;

    [Fact]
    public void Never_exceeds_MaxBackoff_however_many_conflicts()
    {
        for (var conflicts = 0; conflicts <= 100; conflicts++)
        {
            var wait = JitteredBackoff.Next(Options, conflicts, AlmostOne, Crowd);

            Assert.True(wait <= Options.MaxBackoff, $"{conflicts} conflicts waited {wait}, over the cap {Options.MaxBackoff}.");
        }
    }

    [Fact]
    public void Reaches_the_cap_once_the_doublings_pass_it()
    {
        var wait = JitteredBackoff.Next(Options, conflicts: 100, random: 0.5, Crowd);

        Assert.Equal(Options.MaxBackoff * 0.5, wait);
    }

    [Fact]
    public void Ceiling_doubles_per_conflict_up_to_MaxBackoffDoublings()
    {
        for (var conflicts = 0; conflicts < Uncapped.MaxBackoffDoublings; conflicts++)
        {
            Assert.Equal(
                JitteredBackoff.Next(Uncapped, conflicts, 0.5, Crowd) * 2,
                JitteredBackoff.Next(Uncapped, conflicts + 1, 0.5, Crowd));
        }

        Assert.Equal(Uncapped.BaseBackoff * 0.5, JitteredBackoff.Next(Uncapped, 0, 0.5, Crowd));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void Ceiling_stops_doubling_after_MaxBackoffDoublings(int conflicts)
    {
        var atLastDoubling = JitteredBackoff.Next(Uncapped, Uncapped.MaxBackoffDoublings, 0.5, Crowd);

        Assert.Equal(atLastDoubling, JitteredBackoff.Next(Uncapped, conflicts, 0.5, Crowd));
        Assert.Equal(Uncapped.BaseBackoff * 16 * 0.5, atLastDoubling);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    public void Waits_nothing_when_random_is_zero(int conflicts)
    {
        Assert.Equal(TimeSpan.Zero, JitteredBackoff.Next(Options, conflicts, 0, Crowd));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void Full_jitter_scales_the_ceiling_by_random(double random)
    {
        var ceiling = Uncapped.BaseBackoff * 8;

        Assert.Equal(ceiling * random, JitteredBackoff.Next(Uncapped, conflicts: 3, random, Crowd));
    }

    [Fact]
    public void The_ceiling_stops_at_one_base_backoff_per_buyer_in_flight()
    {
        Assert.Equal(Options.BaseBackoff * 8 * 0.5, JitteredBackoff.Next(Options, conflicts: 100, random: 0.5, contenders: 8));
        Assert.Equal(Options.BaseBackoff * 4 * 0.5, JitteredBackoff.Next(Options, conflicts: 2, random: 0.5, contenders: 8));
        Assert.Equal(Options.BaseBackoff * 0.5, JitteredBackoff.Next(Options, conflicts: 100, random: 0.5, contenders: 0));
    }
}
