namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>
/// Exponential backoff with full jitter: contenders that collided spread out instead of colliding again. The ceiling
/// also stops growing at one base backoff per contender: spreading n buyers' retries needs about n short slots, and a
/// ceiling far above that only makes the unlucky buyer of a light sale wait seconds (p99 3.2 s at 8 buyers per server).
/// </summary>
internal static class JitteredBackoff
{
    /// <param name="conflicts">Conflicts so far (0 for the first wait).</param>
    /// <param name="random">A number in [0, 1).</param>
    /// <param name="contenders">Buyers of the ticket in flight on this server, this one included.</param>
    public static TimeSpan Next(OptimisticOptions options, int conflicts, double random, int contenders)
    {
        var ceiling = options.BaseBackoff * Math.Pow(2, Math.Min(conflicts, options.MaxBackoffDoublings));
        var cap = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.BaseBackoff.Ticks * Math.Max(1L, contenders)));
        return (ceiling < cap ? ceiling : cap) * random;
    }
}
