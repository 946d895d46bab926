using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using StackExchange.Redis;

namespace TicketRush.Api.Purchasing;

/// <summary>Tells a dependency being unavailable (answer 503, the buyer may retry) from a bug (500).</summary>
public static class DependencyFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or RedisException or RetryLimitExceededException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
