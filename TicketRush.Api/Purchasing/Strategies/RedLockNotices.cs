using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// What the servers tell each other about ticket locks, over one Redis channel (Redisson's waiters listen on a channel
/// instead of spinning): a server announces that it released a ticket's lock, and that it wants one. The head of a
/// server's queue sleeps until a release is announced, or until its retry pause ends in case a notice was lost; a
/// server that keeps a lock for a run of its own buyers steps aside when another server wants it.
/// </summary>
/// <remarks>
/// State is kept per stripe of tickets, like the local queues: a notice about one ticket may wake, or shorten the run
/// of, another ticket of its stripe, which costs a pause, never a wrong sale. A server that cannot hear the channel
/// must not keep locks for runs (<see cref="CanHear"/>): nobody could ask it to step aside.
/// </remarks>
internal sealed class RedLockNotices
{
    private const string Released = "r";
    private const string Wanted = "w";

    private static readonly RedisChannel Channel = RedisChannel.Literal("ticketrush:redlock");

    private readonly IConnectionMultiplexer _redis;
    // Not the server's name: two processes configured with the same name would each take the other's notices for their own.
    private readonly string _sender = Guid.NewGuid().ToString("N");
    private readonly TimeProvider _time;
    private readonly TimeSpan _wantedFor;
    private readonly LockStripes<StripeNotices> _stripes;
    private readonly Lock _subscribing = new();
    private Task? _subscription;

    public RedLockNotices(IConnectionMultiplexer redis, IOptions<RedLockOptions> options, TimeProvider time)
    {
        _redis = redis;
        _time = time;
        // A waiting head announces itself once per attempt; on two busy cores an attempt can take several retry pauses.
        _wantedFor = options.Value.Retry * 10;
        _stripes = new LockStripes<StripeNotices>(options.Value.LocalQueues, () => new StripeNotices());
    }

    /// <summary>Whether this server is subscribed and connected, so that other servers' requests reach it.</summary>
    public bool CanHear
    {
        get
        {
            EnsureSubscribed();
            return _subscription is { IsCompletedSuccessfully: true } && _redis.GetSubscriber().IsConnected(Channel);
        }
    }

    /// <summary>Completes at the next release announced by another server for <paramref name="ticketId"/>'s stripe; take it before an attempt, so a release during the attempt is not missed.</summary>
    public Task NextRelease(long ticketId) => _stripes.For(ticketId).NextRelease;

    /// <summary>Waits for <paramref name="release"/> (from <see cref="NextRelease"/>), at most <paramref name="atMost"/>.</summary>
    public async Task WaitForReleaseAsync(Task release, TimeSpan atMost, CancellationToken cancellationToken)
    {
        using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(release, Task.Delay(atMost, _time, pause.Token));
        await pause.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void AnnounceReleased(long ticketId) => Announce(Released, ticketId);

    public void AnnounceWanted(long ticketId) => Announce(Wanted, ticketId);

    /// <summary>Whether another server announced, a moment ago, that it waits for the lock of a ticket of <paramref name="ticketId"/>'s stripe.</summary>
    public bool IsWantedElsewhere(long ticketId)
    {
        var at = _stripes.For(ticketId).WantedAt;
        return at != 0 && _time.GetElapsedTime(at) < _wantedFor;
    }

    private void Announce(string kind, long ticketId)
    {
        try
        {
            EnsureSubscribed();
            _redis.GetSubscriber().Publish(Channel, string.Create(CultureInfo.InvariantCulture, $"{kind}:{ticketId}:{_sender}"), CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // A lost notice costs a waiter one retry pause.
        }
    }

    private void OnNotice(RedisChannel channel, RedisValue message)
    {
        var parts = message.ToString().Split(':', 3);
        if (parts.Length != 3 || parts[2] == _sender || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticketId))
        {
            return;
        }

        switch (parts[0])
        {
            case Released:
                _stripes.For(ticketId).Release();
                break;
            case Wanted:
                _stripes.For(ticketId).Want(_time.GetTimestamp());
                break;
        }
    }

    /// <summary>
    /// Subscribes on first use. A failed subscription is dropped before it is tried again (the client keeps a handler
    /// it was given even when SUBSCRIBE fails, and would call it twice); after a reconnect the client re-subscribes itself.
    /// </summary>
    private void EnsureSubscribed()
    {
        if (_subscription is { IsFaulted: false, IsCanceled: false })
        {
            return;
        }

        lock (_subscribing)
        {
            if (_subscription is { IsFaulted: false, IsCanceled: false })
            {
                return;
            }

            try
            {
                var subscriber = _redis.GetSubscriber();
                if (_subscription is not null)
                {
                    subscriber.Unsubscribe(Channel, OnNotice, CommandFlags.FireAndForget);
                }

                _subscription = subscriber.SubscribeAsync(Channel, OnNotice);
            }
            catch (RedisException exception)
            {
                _subscription = Task.FromException(exception);
            }

            _ = _subscription.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    /// <summary>One stripe's notices: a task completed (and replaced) by each release, and when a lock was last wanted.</summary>
    private sealed class StripeNotices
    {
        private TaskCompletionSource _nextRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _wantedAt;

        public Task NextRelease => Volatile.Read(ref _nextRelease).Task;

        public long WantedAt => Interlocked.Read(ref _wantedAt);

        public void Release() =>
            Interlocked.Exchange(ref _nextRelease, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public void Want(long at) => Interlocked.Exchange(ref _wantedAt, at);
    }
}
