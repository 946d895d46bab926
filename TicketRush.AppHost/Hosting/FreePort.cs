using System.Net;
using System.Net.Sockets;

namespace TicketRush.AppHost.Hosting;

/// <summary>A loopback port free right now, for servers started without DCP's proxy (direct connections are faster).</summary>
public static class FreePort
{
    /// <summary>Asks the operating system for an unused loopback port.</summary>
    /// <returns>The port number; free when asked, not reserved.</returns>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
