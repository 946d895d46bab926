using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace TicketRush.Gateway.Proxy;

/// <summary>Whether a request that failed to reach a server may have been seen by it.</summary>
internal static class ForwardingFailure
{
    /// <summary>
    /// True when the request certainly never reached the server: no connection was made (refused, unreachable, or the
    /// connect timeout passed), or no destination was tried. Such a request is safe to send to another server whatever it is.
    /// </summary>
    public static bool NeverSent(IForwarderErrorFeature error)
    {
        if (error.Error is ForwarderError.NoAvailableDestinations)
        {
            return true;
        }

        if (error.Error is not ForwarderError.Request)
        {
            return false;
        }

        for (var current = error.Exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                or SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable }
                // SocketsHttpHandler's ConnectTimeout: the only timeout on the way, as YARP reports its own as RequestTimedOut.
                or OperationCanceledException { InnerException: TimeoutException })
            {
                return true;
            }
        }

        return false;
    }
}
