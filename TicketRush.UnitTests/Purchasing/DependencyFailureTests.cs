using System.Data.Common;
using StackExchange.Redis;
using TicketRush.Api.Dependencies;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>An unavailable dependency becomes a general reason for a 503; anything else is a bug (null, a 500).</summary>
public sealed class DependencyFailureTests
{
    private const string LeakyMessage = "Unable to connect to host 10.1.2.3:3306 (MariaDB 10.11.6, user root)";

    private sealed class TestDbException(string message) : DbException(message);

    public static TheoryData<Exception, string> UnavailableDependencies => new()
    {
        { new TestDbException(LeakyMessage), UnavailableReasons.Database },
        { new RedisException(LeakyMessage), UnavailableReasons.Redis },
        // At maxmemory with noeviction: Redis is up but full.
        { new RedisServerException("OOM command not allowed when used memory > 'maxmemory'."), UnavailableReasons.RedisFull },
        { new RedisServerException("ERR " + LeakyMessage), UnavailableReasons.Redis },
        { new RedisConnectionException(ConnectionFailureType.UnableToConnect, LeakyMessage), UnavailableReasons.Redis },
        // RedisTimeoutException is a TimeoutException, not a RedisException, and still names Redis.
        { new RedisTimeoutException(LeakyMessage, CommandStatus.Sent), UnavailableReasons.Redis },
        { new TimeoutException(LeakyMessage), UnavailableReasons.Deadline },
        { new InvalidOperationException("wrapper", new TestDbException(LeakyMessage)), UnavailableReasons.Database },
        { new AggregateException(new RedisException(LeakyMessage)), UnavailableReasons.Redis },
        { new InvalidOperationException("outer", new InvalidOperationException("middle", new TimeoutException(LeakyMessage))), UnavailableReasons.Deadline },
    };

    [Theory]
    [MemberData(nameof(UnavailableDependencies))]
    public void Dependency_failures_map_to_their_general_reason_even_when_nested(Exception exception, string reason)
    {
        Assert.Equal(reason, DependencyFailure.Describe(exception, deadlinePassed: false));
        Assert.Equal(reason, DependencyFailure.Describe(exception, deadlinePassed: true));
        Assert.True(DependencyFailure.IsUnavailable(exception));
    }

    [Theory]
    [MemberData(nameof(UnavailableDependencies))]
    public void Reasons_never_carry_the_exception_text(Exception exception, string reason)
    {
        var described = DependencyFailure.Describe(exception, deadlinePassed: false);

        Assert.Equal(reason, described);
        Assert.DoesNotContain("10.1.2.3", described);
        Assert.DoesNotContain("3306", described);
        Assert.DoesNotContain(LeakyMessage, described);
    }

    [Fact]
    public void Cancellation_is_the_deadline_only_when_the_deadline_passed()
    {
        Assert.Equal(UnavailableReasons.Deadline, DependencyFailure.Describe(new OperationCanceledException(LeakyMessage), deadlinePassed: true));
        Assert.Equal(UnavailableReasons.Deadline, DependencyFailure.Describe(new TaskCanceledException(), deadlinePassed: true));
    }

    [Fact]
    public void Cancellation_before_the_deadline_is_not_an_unavailable_dependency()
    {
        Assert.Null(DependencyFailure.Describe(new OperationCanceledException(), deadlinePassed: false));
        Assert.Null(DependencyFailure.Describe(new TaskCanceledException(), deadlinePassed: false));
        Assert.False(DependencyFailure.IsUnavailable(new OperationCanceledException()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Other_exceptions_are_bugs_not_unavailability(bool deadlinePassed)
    {
        Exception[] bugs =
        [
            new InvalidOperationException(LeakyMessage),
            new NullReferenceException(),
            new ArgumentException("bad", new FormatException()),
        ];

        Assert.All(bugs, bug => Assert.Null(DependencyFailure.Describe(bug, deadlinePassed)));
        Assert.All(bugs, bug => Assert.False(DependencyFailure.IsUnavailable(bug)));
    }
}
