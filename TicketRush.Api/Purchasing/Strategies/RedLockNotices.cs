using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TicketRush.Api.Servers;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// What the servers tell each other about ticket locks, over one Redis channel (Redisson's waiters listen on a channel
/// instead of spinning): a server announces that it released a ticket's lock, and that it wants one. The head of a
/// server's queue sleeps until a release is announced, or until its retry pause ends in case a notice was lost; a
/// server that keeps a lock for a run of its own buyers steps aside when another server wants it.
/// </summary>
/// <remarks>Notices only make waiting shorter and turns fairer: the lock itself, and the fenced write, keep the sale safe.</remarks>
public sealed class RedLockNotices
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ticketrush:redlock");

    private readonly IConnectionMultiplexer _redis;
    private readonly string _server;
    private readonly TimeProvider _time;
    private readonly TimeSpan _wantedFor;
    private readonly LockStripes<Releases> _releases;
    private readonly LockStripes<StrongBox<long>> _wantedAt;
    private readonly Lock _subscribing = new();
    private Task? _subscription;

    public RedLockNotices(IConnectionMultiplexer redis, IOptions<ServerOptions> server, IOptions<RedLockOptions> options, TimeProvider time)
    {
        _redis = redis;
        _server = server.Value.Name;
        _time = time;
        // A waiting server announces itself after every attempt, at least once per retry pause.
        _wantedFor = options.Value.Retry * 3;
        _releases = new LockStripes<Releases>(options.Value.LocalQueues, () => new Releases());
        _wantedAt = new LockStripes<StrongBox<long>>(options.Value.LocalQueues, () => new StrongBox<long>());
        EnsureSubscribed();
    }

    /// <summary>Waits until another server announces that it released <paramref name="ticketId"/>'s lock, or <paramref name="atMost"/>.</summary>
    public async Task WaitForReleaseAsync(long ticketId, TimeSpan atMost, CancellationToken cancellationToken)
    {
        EnsureSubscribed();
        var released = _releases.For(ticketId).Next;
        using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(released, Task.Delay(atMost, _time, pause.Token));
        await pause.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void AnnounceReleased(long ticketId) => Announce('r', ticketId);

    public void AnnounceWanted(long ticketId) => Announce('w', ticketId);

    /// <summary>Whether another server announced, a moment ago, that it waits for <paramref name="ticketId"/>'s lock.</summary>
    public bool IsWantedElsewhere(long ticketId)
    {
        // A holder that was never told would keep the lock from the others for as long as its own buyers keep coming.
        EnsureSubscribed();
        var at = Interlocked.Read(ref _wantedAt.For(ticketId).Value);
        return at != 0 && _time.GetElapsedTime(at) < _wantedFor;
    }

    private void Announce(char kind, long ticketId)
    {
        EnsureSubscribed();
        try
        {
            _redis.GetSubscriber().Publish(Channel, string.Create(CultureInfo.InvariantCulture, $"{kind}:{ticketId}:{_server}"), CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // A lost notice costs a waiter one retry pause.
        }
    }

    private void OnNotice(RedisChannel channel, RedisValue message)
    {
        var parts = message.ToString().Split(':', 3);
        if (parts.Length != 3 || parts[2] == _server || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticketId))
        {
            return;
        }

        if (parts[0] == "r")
        {
            _releases.For(ticketId).Fire();
        }
        else
        {
            Interlocked.Exchange(ref _wantedAt.For(ticketId).Value, _time.GetTimestamp());
        }
    }

    /// <summary>Subscribes on first use, and again after a failed attempt; the client re-subscribes by itself after a reconnect.</summary>
    private void EnsureSubscribed()
    {
        if (_subscription is { IsFaulted: false, IsCanceled: false })
        {
            return;
        }

        lock (_subscribing)
        {
            if (_subscription is null || _subscription.IsFaulted || _subscription.IsCanceled)
            {
                _subscription = _redis.GetSubscriber().SubscribeAsync(Channel, OnNotice);
                _ = _subscription.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            }
        }
    }

    /// <summary>The next release notice of a stripe of tickets: a task completed, and replaced, by each notice.</summary>
    private sealed class Releases
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next => Volatile.Read(ref _next).Task;

        public void Fire() =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
