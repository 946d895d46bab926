using Microsoft.AspNetCore.Http;
using TicketRush.Api.Problems;

namespace TicketRush.UnitTests.Problems;

/// <summary>Retry-After is whole seconds, rounded up, at least one.</summary>
public sealed class RetryAfterTests
{
    [Theory]
    [InlineData(0, "1")]
    [InlineData(-5_000, "1")]
    [InlineData(1, "1")]
    [InlineData(999, "1")]
    [InlineData(1_000, "1")]
    [InlineData(1_001, "2")]
    [InlineData(2_500, "3")]
    [InlineData(30_000, "30")]
    public void Whole_seconds_rounded_up_and_at_least_one(int milliseconds, string expected)
    {
        var response = new DefaultHttpContext().Response;

        RetryAfter.Set(response, TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, response.Headers.RetryAfter.ToString());
    }
}
