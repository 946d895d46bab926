namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Exponential backoff with full jitter: contenders that collided spread out instead of colliding again.</summary>
public static class JitteredBackoff
{
    /// <param name="conflicts">Conflicts so far (0 for the first wait).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Next(OptimisticOptions options, int conflicts, double random)
    {
        var ceiling = options.BaseBackoff * Math.Pow(2, Math.Min(conflicts, options.MaxBackoffDoublings));
        return (ceiling < options.MaxBackoff ? ceiling : options.MaxBackoff) * random;
    }
}
