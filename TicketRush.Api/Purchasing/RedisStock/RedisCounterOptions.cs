namespace TicketRush.Api.Purchasing.RedisStock;

/// <summary>Options of the <c>redis-counter</c> strategy's reservations (section <c>Strategies:RedisCounter</c>).</summary>
internal sealed class RedisCounterOptions
{
    public const string SectionName = "Strategies:RedisCounter";

    /// <summary>
    /// How long a reservation may wait for its MySQL order before any server gives it back. Longer than a purchase can
    /// take (deadline plus commit verification), so only the reservations of purchases that died are given back.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each server looks for expired reservations.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long settling a reservation after the purchase (confirm, give back) may take; the lease covers a failure.</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one server may hold a ticket's seeding to itself (after Redis lost the counter); a seeder that died frees it after this.</summary>
    public TimeSpan SeedLock { get; set; } = TimeSpan.FromSeconds(10);
}
