using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using TicketRush.Api.Servers;

namespace TicketRush.Api.Purchasing;

/// <summary>
/// The <c>TicketRush</c> span and metrics: one span per purchase, tagged so a race reads off the dashboard
/// (which strategy, which server, how long the lock was waited for, how often it retried, what came of it).
/// </summary>
internal sealed class PurchaseTelemetry
{
    public const string SourceName = "TicketRush";

    private static readonly ActivitySource Source = new(SourceName);

    private readonly string _server;
    private readonly TimeProvider _time;
    private readonly Counter<long> _purchases;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _lockWait;
    private readonly Histogram<int> _retries;
    private readonly Gauge<int> _remaining;
    private readonly Counter<long> _givenBack;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<int> _batchSize;

    public PurchaseTelemetry(IMeterFactory meters, IOptions<ServerOptions> server, TimeProvider time)
    {
        _server = server.Value.Name;
        _time = time;
        var meter = meters.Create(SourceName);
        _purchases = meter.CreateCounter<long>("ticketrush.purchases", "{purchase}", "Purchases by outcome, strategy and server.");
        _duration = meter.CreateHistogram<double>("ticketrush.purchase.duration", "ms", "Time to decide one purchase.");
        _lockWait = meter.CreateHistogram<double>("ticketrush.lock.wait", "ms", "Time a purchase waited for its lock.");
        _retries = meter.CreateHistogram<int>("ticketrush.purchase.retries", "{retry}", "Conflicts retried by one purchase.");
        _remaining = meter.CreateGauge<int>("ticketrush.ticket.remaining", "{ticket}", "Remaining stock of a ticket, as last read or written.");
        _conflicts = meter.CreateCounter<long>("ticketrush.database.conflicts", "{conflict}",
            "Transactions MySQL refused because another got there first (1213: a deadlock or a Galera certification failure; 1020: a snapshot conflict), each retried or refused.");
        _givenBack = meter.CreateCounter<long>("ticketrush.reservations.given_back", "{reservation}", "Redis reservations given back because their purchase died before writing an order.");
        _batchSize = meter.CreateHistogram<int>("ticketrush.batch.size", "{purchase}", "Buyers of one ticket sent together in one transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });
    }

    /// <summary>The purchase span; named after its strategy once the ticket's sale is known (<see cref="NameStrategy"/>).</summary>
    public Activity? StartPurchase(PurchaseCommand command)
    {
        var activity = Source.StartActivity("purchase");
        activity?.SetTag("ticketrush.server", _server);
        activity?.SetTag("ticketrush.ticket_id", command.TicketId);
        activity?.SetTag("ticketrush.user_id", command.UserId);
        return activity;
    }

    /// <summary>
    /// The span of one batch's transaction: a root of its own, since it serves many buyers, linked to each buyer's
    /// purchase span. Records the batch's size.
    /// </summary>
    public Activity? StartBatch(string strategy, long ticketId, IEnumerable<ActivityContext> buyers, int size)
    {
        _batchSize.Record(size, Tags(strategy));
        var activity = Source.StartActivity(
            $"purchase batch {strategy}", ActivityKind.Internal, parentContext: default,
            links: buyers.Where(span => span != default).Select(span => new ActivityLink(span)));
        activity?.SetTag("ticketrush.server", _server);
        activity?.SetTag("ticketrush.strategy", strategy);
        activity?.SetTag("ticketrush.ticket_id", ticketId);
        activity?.SetTag("ticketrush.batch_size", size);
        return activity;
    }

    public static void NameStrategy(Activity? activity, string strategy)
    {
        if (activity is not null)
        {
            activity.DisplayName = $"purchase {strategy}";
            activity.SetTag("ticketrush.strategy", strategy);
        }
    }

    /// <summary>A sold-out answer from this server's memory: MySQL said so before, and under a safe strategy stock never comes back.</summary>
    public static void MarkAnsweredFromMemory(Activity? activity) => activity?.SetTag("ticketrush.sold_out_remembered", true);

    public void RecordReservationGivenBack(long ticketId) =>
        _givenBack.Add(1, new TagList { { "ticketrush.ticket_id", ticketId }, { "ticketrush.server", _server } });

    /// <summary>Starts timing a wait for <paramref name="strategy"/>'s lock; <see cref="LockWait.End"/> records it.</summary>
    public LockWait StartLockWait(string strategy) => new(this, strategy, _time.GetTimestamp());

    private void RecordLockWait(string strategy, long startedAt)
    {
        var wait = _time.GetElapsedTime(startedAt);
        Activity.Current?.SetTag("ticketrush.lock_wait_ms", wait.TotalMilliseconds);
        _lockWait.Record(wait.TotalMilliseconds, Tags(strategy));
    }

    /// <summary>A wait for a lock being timed; ended once, when the lock is held or given up on.</summary>
    public readonly struct LockWait(PurchaseTelemetry telemetry, string strategy, long startedAt)
    {
        public void End() => telemetry.RecordLockWait(strategy, startedAt);
    }

    /// <summary>Which buyer of its run under one grant of a distributed lock this purchase was (1: the lock was just taken from Redis).</summary>
    public static void TagLockRun(int served) => Activity.Current?.SetTag("ticketrush.lock_run", served);

    /// <summary>A transaction refused as a conflict (<see cref="Sales.MySqlConflict"/>), by its error number.</summary>
    public void RecordConflict(string strategy, int errorNumber)
    {
        var tags = Tags(strategy);
        tags.Add("db.response.status_code", errorNumber);
        _conflicts.Add(1, tags);
    }

    public void RecordRetries(string strategy, int retries)
    {
        Activity.Current?.SetTag("ticketrush.retries", retries);
        _retries.Record(retries, Tags(strategy));
    }

    /// <summary>The stock column as a purchase or a read just saw it; its fall during a rush is the race's clock.</summary>
    public void RecordRemaining(long ticketId, int remaining) =>
        _remaining.Record(remaining, new TagList { { "ticketrush.ticket_id", ticketId }, { "ticketrush.server", _server } });

    public void RecordOutcome(Activity? activity, string? strategy, PurchaseOutcome outcome, TimeSpan elapsed)
    {
        activity?.SetTag("ticketrush.outcome", outcome.TagValue);
        if (outcome.Reason is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Reason);
        }

        var tags = Tags(strategy);
        tags.Add("ticketrush.outcome", outcome.TagValue);
        _purchases.Add(1, tags);
        _duration.Record(elapsed.TotalMilliseconds, tags);
    }

    private TagList Tags(string? strategy) => new()
    {
        { "ticketrush.strategy", strategy ?? "unknown" },
        { "ticketrush.server", _server },
    };
}
