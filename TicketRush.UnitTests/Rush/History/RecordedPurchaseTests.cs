using System.Net;
using System.Net.Http.Json;
using TicketRush.Rush.History;

namespace TicketRush.UnitTests.Rush.History;

/// <summary>
/// How a recorded buyer retries, against scripted answers (the wire is not what is tested here: the integration rushes
/// run the same code against the real servers).
/// </summary>
public sealed class RecordedPurchaseTests
{
    private static readonly RetryPolicy Quick = new(MaxRetries: 3, Delay: TimeSpan.FromMilliseconds(1), MaxDelay: TimeSpan.FromMilliseconds(5));

    private sealed class Scripted(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<(string Host, string? Key)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.Host, request.Headers.TryGetValues(ApiHeaders.IdempotencyKey, out var key) ? key.Single() : null));
            return Task.FromResult(answers[Math.Min(_next++, answers.Length - 1)](request));
        }
    }

    private static HttpResponseMessage Problem(int status, string code, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = JsonContent.Create(new { status, code }, mediaType: new("application/problem+json")),
        };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static HttpResponseMessage Created(long orderId, bool replayed = false)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = JsonContent.Create(new OrderResponse(orderId, 1, 7, DateTimeOffset.UnixEpoch, "api-2", StrategyNames.Atomic)),
        };
        if (replayed)
        {
            response.Headers.Add(ApiHeaders.IdempotentReplayed, "true");
        }

        return response;
    }

    private static PurchaseTarget[] Targets(Scripted handler) =>
        [new("api-1", new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://one") }),
         new("api-2", new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://two") })];

    [Fact]
    public async Task A_keyed_buyer_retries_what_may_not_have_happened_with_the_same_key_on_the_next_server()
    {
        using var handler = new Scripted(
            _ => throw new HttpRequestException("connection reset"),
            _ => Problem(409, ProblemCodes.IdempotencyInProgress, retryAfterSeconds: 1),
            _ => Created(42, replayed: true));
        var history = new PurchaseHistory();

        var attempts = await RecordedPurchase.BuyAsync(history, Targets(handler), first: 0, ticketId: 1, buyer: 7, key: "\"k\"", Quick);

        Assert.Equal([AnswerKind.Unknown, AnswerKind.Unknown, AnswerKind.Sold], attempts.Select(a => a.Answer));
        Assert.Equal(["one", "two", "one"], handler.Requests.Select(r => r.Host));
        Assert.All(handler.Requests, r => Assert.Equal("\"k\"", r.Key));
        Assert.Equal(42, attempts[^1].OrderId);
        Assert.True(attempts[^1].Replayed);
        Assert.Equal(TimeSpan.FromSeconds(1), attempts[1].RetryAfter);
        Assert.Equal(attempts, history.Operations);
        Assert.True(attempts[0].End <= attempts[1].Start && attempts[1].End <= attempts[2].Start, "one clock, attempts in order");
    }

    [Fact]
    public async Task A_keyed_buyer_stops_at_the_first_definite_answer()
    {
        using var handler = new Scripted(_ => Problem(503, ProblemCodes.DependencyUnavailable), _ => Problem(409, ProblemCodes.SoldOut), _ => Created(1));

        var attempts = await RecordedPurchase.BuyAsync(new PurchaseHistory(), Targets(handler), 1, 1, 7, "\"k\"", Quick);

        Assert.Equal([503, 409], attempts.Select(a => a.Status));
        Assert.Equal(ProblemCodes.SoldOut, attempts[^1].Code);
    }

    [Fact]
    public async Task A_keyed_buyer_gives_up_after_the_bounded_number_of_retries()
    {
        using var handler = new Scripted(_ => Problem(503, ProblemCodes.OutcomeUnknown));

        var attempts = await RecordedPurchase.BuyAsync(new PurchaseHistory(), Targets(handler), 0, 1, 7, "\"k\"", Quick);

        Assert.Equal(1 + Quick.MaxRetries, attempts.Count);
    }

    [Fact]
    public async Task An_unkeyed_buyer_never_retries_a_request_that_may_have_sold()
    {
        using var handler = new Scripted(_ => throw new HttpRequestException("reset"), _ => Created(1));

        var attempts = await RecordedPurchase.BuyAsync(new PurchaseHistory(), Targets(handler), 0, 1, 7, key: null, Quick);

        Assert.Equal(PurchaseOperation.TransportErrorCode, Assert.Single(attempts).Code);
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        var attempt = new PurchaseOperation(1, "k", "api-1", TimeSpan.Zero, TimeSpan.Zero, 409, ProblemCodes.IdempotencyInProgress);

        Assert.Equal(TimeSpan.FromMilliseconds(250), policy.DelayAfter(attempt));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayAfter(attempt with { RetryAfter = TimeSpan.FromSeconds(2) }));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayAfter(attempt with { RetryAfter = TimeSpan.FromSeconds(60) }));
    }

    /// <summary>Never answers: the request waits until whoever sent it gives up.</summary>
    private sealed class Silent : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task A_request_its_client_drops_is_recorded_without_a_response_as_unknown()
    {
        var history = new PurchaseHistory();
        using var client = new HttpClient(new Silent()) { BaseAddress = new Uri("http://one") };
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var attempt = await RecordedPurchase.AttemptAsync(history, new("api-1", client), 1, 7, key: null, clientAbort: abort.Token);

        Assert.Equal(RushAttempt.TransportFailure, attempt.Status);
        Assert.Equal(RecordedPurchase.AbortedByClientDetail, attempt.Detail);
        Assert.Equal(AnswerKind.Unknown, attempt.Answer);
        Assert.Same(attempt, Assert.Single(history.Operations));
    }

    [Fact]
    public async Task A_request_its_caller_cancels_is_not_recorded()
    {
        var history = new PurchaseHistory();
        using var client = new HttpClient(new Silent()) { BaseAddress = new Uri("http://one") };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RecordedPurchase.AttemptAsync(history, new("api-1", client), 1, 7, key: null, cancellationToken: cancel.Token));

        Assert.Empty(history.Operations);
    }
}
