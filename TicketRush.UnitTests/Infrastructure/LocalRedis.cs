using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace TicketRush.UnitTests.Infrastructure;

/// <summary>
/// A <c>redis-server</c> of the test class's own on a free loopback port, without persistence: for Lua scripts whose
/// meaning only real Redis can check. Starts in milliseconds, so it needs neither the AppHost nor its lock.
/// </summary>
public sealed class LocalRedis : IAsyncLifetime
{
    private static readonly string Executable = Environment.GetEnvironmentVariable("TICKETRUSH_REDIS_SERVER") ?? "/usr/bin/redis-server";

    private Process? _server;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"redis-server at {Executable} (apt-get install redis-server)");
        var port = FreePort();
        _server = Process.Start(new ProcessStartInfo(Executable,
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"]));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
                return;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        _server?.Kill();
        _server?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
