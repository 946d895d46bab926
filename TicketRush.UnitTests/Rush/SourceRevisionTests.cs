using System.Text.RegularExpressions;

namespace TicketRush.UnitTests.Rush;

/// <summary>A results table opens with when and on which commit it was measured.</summary>
public sealed class SourceRevisionTests
{
    [Fact]
    public void The_stamp_names_the_time_in_utc_and_the_commit()
    {
        var stamp = SourceRevision.Stamp(new DateTimeOffset(2026, 12, 2, 3, 4, 0, TimeSpan.FromHours(2)));

        Assert.Matches(new Regex(@"^Measured 2026-12-02 01:04 UTC on commit ([0-9a-f]{7,}( \+ local changes)?|unknown)\.$"), stamp);
    }
}
