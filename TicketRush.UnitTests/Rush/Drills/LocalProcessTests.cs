using System.Net;
using System.Net.Sockets;
using TicketRush.Rush.Drills;

namespace TicketRush.UnitTests.Rush.Drills;

/// <summary>A drill finds the process behind a port through /proc: here, this test process's own listener.</summary>
public sealed class LocalProcessTests
{
    [Fact]
    public void The_process_listening_on_a_port_is_found()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            Assert.Equal(Environment.ProcessId, LocalProcess.ListeningOn(((IPEndPoint)listener.LocalEndpoint).Port));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void A_port_nobody_listens_on_has_no_process()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Null(LocalProcess.ListeningOn(port));
    }
}
