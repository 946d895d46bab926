using Microsoft.AspNetCore.Http;
using TicketRush.Api.Idempotency;

namespace TicketRush.UnitTests.Idempotency;

/// <summary>Only a decision is kept for a key's retries: never a not-found, a refusal to try later, or a server failure.</summary>
public sealed class StoredDecisionTests
{
    [Theory]
    [InlineData(StatusCodes.Status201Created, true)]
    [InlineData(StatusCodes.Status400BadRequest, true)]
    [InlineData(StatusCodes.Status409Conflict, true)]
    [InlineData(StatusCodes.Status422UnprocessableEntity, true)]
    [InlineData(StatusCodes.Status401Unauthorized, false)]
    [InlineData(StatusCodes.Status403Forbidden, false)]
    [InlineData(StatusCodes.Status404NotFound, false)]
    [InlineData(StatusCodes.Status429TooManyRequests, false)]
    [InlineData(StatusCodes.Status500InternalServerError, false)]
    [InlineData(StatusCodes.Status503ServiceUnavailable, false)]
    public void An_answer_without_Retry_After_is_a_decision_unless_it_decided_nothing(int status, bool decision) =>
        Assert.Equal(decision, IdempotencyFilter.IsDecision(status, new HeaderDictionary()));

    [Theory]
    [InlineData(StatusCodes.Status409Conflict)]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    public void An_answer_that_says_retry_later_is_not_a_decision(int status) =>
        Assert.False(IdempotencyFilter.IsDecision(status, new HeaderDictionary { ["Retry-After"] = "1" }));
}
