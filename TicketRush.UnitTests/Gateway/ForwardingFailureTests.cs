using System.Net.Sockets;
using TicketRush.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;

namespace TicketRush.UnitTests.Gateway;

public sealed class ForwardingFailureTests
{
    [Fact]
    public void A_refused_connection_never_reached_the_server() =>
        Assert.True(ForwardingFailure.NeverSent(new Failure(ForwarderError.Request,
            new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)))));

    [Fact]
    public void A_connect_timeout_never_reached_the_server() =>
        Assert.True(ForwardingFailure.NeverSent(new Failure(ForwarderError.Request, new TaskCanceledException("connect", new TimeoutException()))));

    [Fact]
    public void The_gateways_own_request_timeout_may_have_been_seen() =>
        Assert.False(ForwardingFailure.NeverSent(new Failure(ForwarderError.RequestTimedOut, new TaskCanceledException("activity", new TimeoutException()))));

    [Fact]
    public void No_destination_means_nothing_was_sent() =>
        Assert.True(ForwardingFailure.NeverSent(new Failure(ForwarderError.NoAvailableDestinations, null)));

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    public void A_request_that_failed_after_connecting_may_have_been_seen(HttpRequestError error) =>
        Assert.False(ForwardingFailure.NeverSent(new Failure(ForwarderError.Request, new HttpRequestException(error, "reset"))));

    [Fact]
    public void A_timeout_after_sending_may_have_been_seen() =>
        Assert.False(ForwardingFailure.NeverSent(new Failure(ForwarderError.RequestTimedOut, new TaskCanceledException())));

    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
}
