using TicketRush.Api.Catalog;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.Batching;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>How <see cref="PurchaseBatcher"/> closes batches, keeps arrival order and lets buyers leave, with a sender that only records.</summary>
public sealed class PurchaseBatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly Sale Sale = new(7, StrategyNames.Batched);

    private readonly FakeTimeProvider _time = new();
    private readonly Channel<long[]> _sent = Channel.CreateUnbounded<long[]>();
    private TaskCompletionSource _release = Released();

    [Fact]
    public async Task A_full_batch_is_sent_at_once_without_waiting_for_its_linger()
    {
        var batcher = Batcher(maxSize: 3, linger: TimeSpan.FromHours(1));

        var answers = Join(batcher, 1, 2, 3);

        await AssertNextBatchAsync(1, 2, 3);
        Assert.All(await Task.WhenAll(answers), outcome => Assert.Equal(PurchaseStatus.SoldOut, outcome.Status));
    }

    [Fact]
    public async Task A_batch_short_of_full_is_sent_when_its_first_buyer_has_lingered()
    {
        var batcher = Batcher(maxSize: 10, linger: TimeSpan.FromMilliseconds(5));

        var answers = Join(batcher, 1, 2);
        await AssertNothingSentAsync();
        _time.Advance(TimeSpan.FromMilliseconds(4));
        await AssertNothingSentAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await AssertNextBatchAsync(1, 2);
        await Task.WhenAll(answers);
    }

    [Fact]
    public async Task Buyers_who_arrive_during_a_commit_form_the_next_batches_in_arrival_order()
    {
        var batcher = Batcher(maxSize: 3, linger: TimeSpan.Zero);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = Join(batcher, 1);
        await AssertNextBatchAsync(1);
        var later = Join(batcher, 2, 3, 4, 5, 6);
        await AssertNothingSentAsync();
        _release.SetResult();

        await AssertNextBatchAsync(2, 3, 4);
        await AssertNextBatchAsync(5, 6);
        await Task.WhenAll(first.Concat(later));
    }

    [Fact]
    public async Task A_buyer_who_gives_up_before_its_batch_is_sent_is_in_no_batch()
    {
        var batcher = Batcher(maxSize: 10, linger: TimeSpan.Zero);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Join(batcher, 1);
        await AssertNextBatchAsync(1);

        using var givingUp = new CancellationTokenSource();
        var leaver = batcher.JoinAsync(PurchaseOf(2), givingUp.Token);
        var stayer = Join(batcher, 3);
        await givingUp.CancelAsync();
        _release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaver);
        await AssertNextBatchAsync(3);
        await Task.WhenAll(first.Concat(stayer));
    }

    [Fact]
    public async Task A_buyer_taken_into_a_batch_gets_its_answer_even_if_it_gives_up_meanwhile()
    {
        var batcher = Batcher(maxSize: 10, linger: TimeSpan.Zero);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var givingUp = new CancellationTokenSource();

        var answer = batcher.JoinAsync(PurchaseOf(1), givingUp.Token);
        await AssertNextBatchAsync(1);
        await givingUp.CancelAsync();
        _release.SetResult();

        Assert.Equal(PurchaseStatus.SoldOut, (await answer.WaitAsync(Patience)).Status);
    }

    [Fact]
    public async Task A_sender_that_breaks_fails_every_buyer_of_its_batch()
    {
        var broken = new InvalidOperationException("bug");
        var batcher = new PurchaseBatcher(3, TimeSpan.Zero, _time, _ => throw broken);

        var answers = Join(batcher, 1, 2, 3);

        foreach (var answer in answers)
        {
            Assert.Same(broken, await Assert.ThrowsAsync<InvalidOperationException>(() => answer.WaitAsync(Patience)));
        }
    }

    [Fact]
    public async Task A_queue_that_emptied_is_replaced_for_the_next_buyer()
    {
        var batcher = Batcher(maxSize: 10, linger: TimeSpan.Zero);

        await Task.WhenAll(Join(batcher, 1));
        await AssertNextBatchAsync(1);
        await Task.WhenAll(Join(batcher, 2));

        await AssertNextBatchAsync(2);
    }

    private PurchaseBatcher Batcher(int maxSize, TimeSpan linger) => new(maxSize, linger, _time, async batch =>
    {
        await _sent.Writer.WriteAsync([.. batch.Select(b => b.UserId)]);
        await _release.Task;
        foreach (var buyer in batch)
        {
            buyer.Settle(PurchaseOutcome.SoldOut);
        }
    });

    private static Task<PurchaseOutcome>[] Join(PurchaseBatcher batcher, params long[] users) =>
        [.. users.Select(user => batcher.JoinAsync(PurchaseOf(user), CancellationToken.None))];

    private static Purchase PurchaseOf(long userId) =>
        new(new PurchaseCommand(Sale.TicketId, userId), Sale, new PurchaseDeadline(TimeSpan.FromMinutes(1), TimeProvider.System));

    private async Task AssertNextBatchAsync(params long[] users) =>
        Assert.Equal(users, await _sent.Reader.ReadAsync().AsTask().WaitAsync(Patience));

    /// <summary>A negative check: it can only miss a wrong batch sent later than this short look.</summary>
    private async Task AssertNothingSentAsync()
    {
        await Task.Delay(50);
        Assert.False(_sent.Reader.TryRead(out var batch), $"sent too early: [{string.Join(", ", batch ?? [])}]");
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
