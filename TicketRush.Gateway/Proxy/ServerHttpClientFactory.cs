using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace TicketRush.Gateway.Proxy;

/// <summary>YARP's clients to the servers, with the validated <see cref="GatewayOptions.ConnectTimeout"/>.</summary>
internal sealed class ServerHttpClientFactory(IOptions<GatewayOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = options.Value.ConnectTimeout;
    }
}
