using System.Data.Common;
using StackExchange.Redis;

namespace TicketRush.Api.Dependencies;

/// <summary>Tells a dependency being unavailable (503, the buyer may retry) from a bug (500), in words fit for the buyer.</summary>
internal static class DependencyFailure
{
    public static bool IsUnavailable(Exception exception) => Describe(exception, deadlinePassed: false) is not null;

    /// <summary>
    /// For a call made without a cancellation token: a cancellation then means the client gave up on the dependency
    /// (StackExchange.Redis cancels its backlog when a connection dies), which is unavailability, not a bug.
    /// </summary>
    public static bool IsUnavailableOrAbandoned(Exception exception) => exception is OperationCanceledException || IsUnavailable(exception);

    /// <summary>The general reason to tell the buyer, or null when <paramref name="exception"/> is a bug.</summary>
    public static string? Describe(Exception exception, bool deadlinePassed)
    {
        if (deadlinePassed && exception is OperationCanceledException)
        {
            return UnavailableReasons.Deadline;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException:
                    return UnavailableReasons.Database;
                // At maxmemory (noeviction) Redis refuses every write that would grow it: full, not down.
                case RedisServerException when current.Message.StartsWith("OOM", StringComparison.Ordinal):
                    return UnavailableReasons.RedisFull;
                case RedisException or RedisTimeoutException:
                    return UnavailableReasons.Redis;
                case TimeoutException:
                    return UnavailableReasons.Deadline;
            }
        }

        return null;
    }
}
