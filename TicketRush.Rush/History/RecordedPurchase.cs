using System.Net.Http.Json;

namespace TicketRush.Rush.History;

/// <summary>Purchases whose every attempt, retries included, is recorded in a <see cref="PurchaseHistory"/>.</summary>
public static class RecordedPurchase
{
    /// <summary>The detail of an attempt its client gave up on mid-request.</summary>
    public const string AbortedByClientDetail = "aborted by the client";

    /// <summary>
    /// One buyer's purchase: the first attempt goes to <paramref name="targets"/>[<paramref name="first"/>]; with a
    /// <paramref name="key"/>, every answer that may not have happened is retried with the same key on the next target, as
    /// <paramref name="retry"/> allows. Returns the attempts in order; the last is the buyer's final answer.
    /// </summary>
    public static async Task<IReadOnlyList<PurchaseOperation>> BuyAsync(
        PurchaseHistory history, IReadOnlyList<PurchaseTarget> targets, int first, long ticketId, long buyer, string? key,
        RetryPolicy retry, string? admissionToken = null, InFlight? inFlight = null, CancellationToken cancellationToken = default)
    {
        var attempts = new List<PurchaseOperation>();
        for (var n = 0; ; n++)
        {
            var attempt = await AttemptAsync(history, targets[(first + n) % targets.Count], ticketId, buyer, key, admissionToken, inFlight, cancellationToken);
            attempts.Add(attempt);
            if (key is null || attempt.IsDefinite || n >= retry.MaxRetries)
            {
                return attempts;
            }

            await Task.Delay(retry.DelayAfter(attempt), cancellationToken);
        }
    }

    /// <summary>One request, timed on the history's clock and recorded whatever happens to it (short of the caller cancelling).</summary>
    /// <param name="clientAbort">When it fires, the client gives up and drops the connection mid-request, as a buyer closing
    /// the tab: the attempt is recorded without a response (its outcome unknown), unlike a caller's cancellation.</param>
    public static async Task<PurchaseOperation> AttemptAsync(
        PurchaseHistory history, PurchaseTarget target, long ticketId, long buyer, string? key, string? admissionToken = null,
        InFlight? inFlight = null, CancellationToken cancellationToken = default, CancellationToken clientAbort = default)
    {
        var start = history.Clock.Now;
        PurchaseOperation operation;
        try
        {
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, clientAbort);
            using var request = TicketRushClient.PurchaseRequest(ticketId, buyer, admissionToken, key);
            using var counted = inFlight?.Enter();
            using var response = await target.Client.SendAsync(request, sending.Token);
            operation = await ReadAsync(response, buyer, key, target.Label, start, history.Clock, sending.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException
                                          && !cancellationToken.IsCancellationRequested)
        {
            var detail = clientAbort.IsCancellationRequested ? AbortedByClientDetail : exception.GetBaseException().Message;
            operation = new PurchaseOperation(buyer, key, target.Label, start, history.Clock.Now, RushAttempt.TransportFailure,
                PurchaseOperation.TransportErrorCode, Detail: detail);
        }

        history.Add(operation);
        return operation;
    }

    private static async Task<PurchaseOperation> ReadAsync(
        HttpResponseMessage response, long buyer, string? key, string target, TimeSpan start, HistoryClock clock, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var order = status == 201 ? await response.Content.ReadFromJsonAsync<OrderResponse>(cancellationToken) : null;
        var problem = response.IsSuccessStatusCode ? null : await response.ReadProblemOrNullAsync(cancellationToken);
        var end = clock.Now;
        var servedBy = response.Headers.TryGetValues(ApiHeaders.ServedBy, out var values) ? values.FirstOrDefault() : null;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        var replayed = response.Headers.TryGetValues(ApiHeaders.IdempotentReplayed, out var replay) && replay.FirstOrDefault() == "true";
        return new PurchaseOperation(buyer, key, target, start, end, status, problem?.Code, order?.Id, servedBy, problem?.Detail, retryAfter, replayed);
    }
}
