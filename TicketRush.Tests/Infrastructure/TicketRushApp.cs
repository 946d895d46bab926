using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketRush.AppHost.Hosting;
using StackExchange.Redis;

namespace TicketRush.Tests.Infrastructure;

/// <summary>
/// The whole system — MariaDB, Redis, the migration and both API servers — started once per test collection
/// through the real AppHost, with its own data directory, and torn down after. One database unless a subclass asks
/// for another topology.
/// </summary>
public class TicketRushApp : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>The servers' <c>Buyers:SigningKey</c> (the AppHost's <c>buyer-token-key</c>), so tests mint their buyers' tokens.</summary>
    public const string BuyerTokenKey = "test-buyer-token-key-0123456789-0123456789-0123456789";
    public const string GatewayName = "gateway";
    public static readonly string[] ServerNames = ["api-1", "api-2"];

    /// <summary>The Redis servers <c>redlock</c> takes its lock on by majority (the AppHost's default <c>Redis:LockServers</c> of 3).</summary>
    public static readonly string[] LockServerNames = ["redis-lock-1", "redis-lock-2", "redis-lock-3"];

    /// <summary>The limits the suite runs with; tests reach them only as a client behind the gateway (X-Forwarded-For), loopback is exempt.</summary>
    public const int PerAddressLimit = 40;
    public const int PerBuyerLimit = 5;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ticketrush-tests-").FullName;
    private DistributedApplication? _app;

    /// <summary>
    /// Whether the AppHost's supervisor starts a killed server again. Off for the suite: its crash drills keep the dead
    /// server down to prove the survivor heals alone.
    /// </summary>
    protected virtual bool RestartKilledServers => false;

    /// <summary>AppHost arguments that choose the databases (<c>Hosting:Databases</c>); none: one MySQL.</summary>
    protected virtual IEnumerable<string> TopologyArguments => [];

    /// <summary>API settings a subclass adds to (or overrides in) the suite's own, e.g. <c>Buyers:Authentication</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraApiSettings => new Dictionary<string, string>();

    /// <summary>Mints any buyer's token; the <see cref="Servers"/> and <see cref="Gateway"/> clients send one with every request made for a buyer.</summary>
    public BuyerTokens Buyers { get; } = new(BuyerTokenKey);

    /// <summary>The front door: one address that balances over both servers.</summary>
    public HttpClient Gateway { get; private set; } = new();

    /// <summary>One client per server, in <see cref="ServerNames"/> order; each talks to its server directly.</summary>
    public IReadOnlyList<HttpClient> Servers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TicketRush_AppHost>(
            [
                "--environment=Development",
                $"--Hosting:DataDirectory={_dataDirectory}",
                // As MariaDB 11.6.2+ (Debian 13) runs by default: every strategy must hold under error 1020.
                "--Hosting:SnapshotIsolation=true",
                $"--Hosting:RestartKilledServers={RestartKilledServers}",
                $"--Parameters:admin-key={AdminKey}",
                $"--Parameters:buyer-token-key={BuyerTokenKey}",
                .. ServerNames.Select(name => $"--ApiServers:{name}:Port={FreePort.Next()}"),
                $"--Gateway:Port={FreePort.Next()}",
                .. ApiSettings.Concat(ExtraApiSettings).Select(setting => $"--Api:{setting.Key}={setting.Value}"),
                .. TopologyArguments,
            ],
            cancellation.Token);
        builder.Services.AddLogging(logging => logging
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("TicketRush.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));

        _app = await builder.BuildAsync(cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
        var states = WatchStatesAsync(_app, cancellation.Token);
        try
        {
            await _app.StartAsync(cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
            foreach (var name in ServerNames.Append(GatewayName))
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            throw new TimeoutException($"TicketRush did not become healthy within {StartTimeout}. Last states: {await states}", exception);
        }

        Servers = [.. ServerNames.Select(name => RushRunner.CreateClient(_app.GetEndpoint(name, "http"), Buyers))];
        Gateway = RushRunner.CreateClient(_app.GetEndpoint(GatewayName, "http"), Buyers);
    }

    /// <summary>Makes <paramref name="server"/>'s next order write for <paramref name="userId"/> fail, as if MySQL failed it.</summary>
    public Task ArmOrderWriteFaultAsync(HttpClient server, long userId) =>
        PutAsAdminAsync(server, $"{ApiRoutes.AdminFaults}/order-write/{userId}");

    /// <summary>A direct connection to the system's Redis (or a lock server), for tests that tamper with it (e.g. expire a lock).</summary>
    public async Task<ConnectionMultiplexer> ConnectRedisAsync(string resource = "redis") =>
        await ConnectionMultiplexer.ConnectAsync(await Running.GetConnectionStringAsync(resource)
            ?? throw new InvalidOperationException($"{resource} has no connection string."));

    /// <summary>The connection string the AppHost gives clients of <paramref name="resource"/> (e.g. a database user).</summary>
    public async Task<string> ConnectionStringAsync(string resource) =>
        await Running.GetConnectionStringAsync(resource)
            ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>Makes the next purchase by <paramref name="userId"/> on <paramref name="server"/> stall between read and write.</summary>
    public Task ArmStallAsync(HttpClient server, long userId, TimeSpan stall) =>
        PutAsAdminAsync(server, $"{ApiRoutes.AdminFaults}/stall/{userId}?milliseconds={(int)stall.TotalMilliseconds}");

    /// <summary>Waits until <paramref name="userId"/>'s purchase on <paramref name="server"/> is inside its injected stall.</summary>
    public static async Task WaitUntilStalledAsync(HttpClient server, long userId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await IsStallingAsync(server, userId, timeout.Token))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Whether <paramref name="userId"/>'s purchase on <paramref name="server"/> is inside its injected stall right now.</summary>
    public static async Task<bool> IsStallingAsync(HttpClient server, long userId, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsAdminAsync(server, HttpMethod.Get, $"{ApiRoutes.AdminFaults}/stall/{userId}", cancellationToken);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return state.GetProperty("stalling").GetBoolean();
    }

    private static async Task PutAsAdminAsync(HttpClient server, string path)
    {
        using var response = await SendAsAdminAsync(server, HttpMethod.Put, path, CancellationToken.None);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsAdminAsync(HttpClient server, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ApiHeaders.AdminKey, AdminKey);
        return await server.SendAsync(request, cancellationToken);
    }

    /// <summary>The names of a resource's commands as the dashboard is shown them, once <paramref name="until"/> holds (30 s at most).</summary>
    public async Task<IReadOnlyList<string>> DashboardCommandNamesAsync(string resource, Func<IReadOnlyList<string>, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var update = await Running.ResourceNotifications.WaitForResourceAsync(
            resource, e => until([.. e.Snapshot.Commands.Select(c => c.Name)]), timeout.Token);
        return [.. update.Snapshot.Commands.Select(c => c.Name)];
    }

    /// <summary>The process DCP runs <paramref name="resource"/> as (for a project, its <c>dotnet run</c> wrapper); a restart gives it a new one.</summary>
    public int ResourceProcessId(string resource) => ProcessId(resource);

    /// <summary>
    /// Waits (four minutes at most) until <paramref name="resource"/> runs as another process than <paramref name="before"/>
    /// (null: any) and the AppHost reports it healthy.
    /// </summary>
    public async Task WaitUntilHealthyAsync(string resource, int? before = null)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (before is not null && ResourceProcess.IdOf(Running.ResourceNotifications, resource) is var pid && (pid is null || pid == before))
        {
            await Task.Delay(100, timeout.Token);
        }

        await Running.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>Runs a dashboard command, as a click in the dashboard would.</summary>
    public Task<ExecuteCommandResult> ExecuteCommandAsync(string resource, string command, CancellationToken cancellationToken) =>
        Running.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, cancellationToken);

    protected DistributedApplication Running => _app ?? throw new InvalidOperationException("The system is not running.");

    /// <summary>Stops a resource (e.g. Redis) through the AppHost, runs <paramref name="whileDown"/>, then starts it again and waits until it is healthy.</summary>
    public async Task WhileStoppedAsync(string resource, Func<Task> whileDown)
    {
        var app = Running;
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var stopped = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellation.Token);
        Assert.True(stopped.Success, stopped.Message);
        await app.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], cancellation.Token);
        try
        {
            await whileDown();
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellation.Token);
            Assert.True(started.Success, started.Message);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellation.Token);
            await WaitUntilServersSeeDependenciesAsync(cancellation.Token);
        }
    }

    /// <summary>
    /// Stops every one of <paramref name="resources"/> (in order), runs <paramref name="whileDown"/>, then starts them again
    /// in reverse order. Each start waits for the servers' health, so a dependency that health reports on goes last.
    /// </summary>
    public Task WhileStoppedAsync(IReadOnlyList<string> resources, Func<Task> whileDown) =>
        resources.Count == 0 ? whileDown() : WhileStoppedAsync(resources[0], () => WhileStoppedAsync(resources.Skip(1).ToList(), whileDown));

    /// <summary>
    /// Waits until both servers' own probes see MySQL and Redis again: a dependency the AppHost calls healthy may not
    /// yet be reconnected to by the servers' clients, and "back" means back for the buyers.
    /// </summary>
    private async Task WaitUntilServersSeeDependenciesAsync(CancellationToken cancellationToken)
    {
        foreach (var server in Servers)
        {
            while (true)
            {
                using var response = await server.GetAsync(ApiRoutes.Health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Makes <paramref name="server"/> die (FailFast) when <paramref name="userId"/>'s purchase is about to write.</summary>
    public Task ArmCrashAsync(HttpClient server, long userId) =>
        PutAsAdminAsync(server, $"{ApiRoutes.AdminFaults}/crash/{userId}");

    /// <summary>Widens the read–write window of every purchase on both servers, so races show on any machine; <see cref="ClearFaultsAsync"/> closes it.</summary>
    public async Task SetRaceWindowAsync(TimeSpan window)
    {
        foreach (var server in Servers)
        {
            await PutAsAdminAsync(server, $"{ApiRoutes.AdminFaults}/race-window?milliseconds={(int)window.TotalMilliseconds}");
        }
    }

    public async Task ClearFaultsAsync()
    {
        foreach (var server in Servers)
        {
            using var response = await SendAsAdminAsync(server, HttpMethod.Delete, ApiRoutes.AdminFaults, CancellationToken.None);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
    }

    /// <summary>Waits for a resource that died (an injected crash) to exit, starts it again and waits until it is healthy.</summary>
    public async Task RestartAfterCrashAsync(string resource)
    {
        var app = Running;
        using var cancellation = new CancellationTokenSource(StartTimeout);
        await app.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart], cancellation.Token);
        var started = await app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellation.Token);
        Assert.True(started.Success, started.Message);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellation.Token);
    }

    /// <summary>
    /// Waits until the gateway balances over <paramref name="server"/> again: half of its last few requests went there.
    /// A restarted server is let back in by the active health check, but the passive one keeps it out again while its
    /// transport-failure rate over the last minute (the crash's failed requests) stays high.
    /// </summary>
    public async Task WaitUntilGatewayRoutesToAsync(string server)
    {
        const int Window = 6;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var last = new Queue<bool>();
        while (last.Count < Window || last.Count(toServer => toServer) < Window / 2)
        {
            using var response = await Gateway.GetAsync("/api/strategies", timeout.Token);
            last.Enqueue(response.Headers.TryGetValues(ApiHeaders.ServedBy, out var servedBy) && servedBy.Contains(server));
            if (last.Count > Window)
            {
                last.Dequeue();
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>
    /// Freezes a resource's process (SIGSTOP), as a stalled disk or a long GC pause would: it keeps its sockets open but
    /// answers nothing. Runs <paramref name="whilePaused"/>, then lets it go on (SIGCONT), whatever happened.
    /// </summary>
    public async Task WhilePausedAsync(string resource, Func<Task> whilePaused)
    {
        var pid = ProcessId(resource);
        Signal(pid, ResourceProcess.SigStop);
        try
        {
            await whilePaused();
        }
        finally
        {
            Signal(pid, ResourceProcess.SigCont);
        }
    }

    /// <summary>Freezes every one of <paramref name="resources"/> (SIGSTOP) while <paramref name="whilePaused"/> runs, then lets them go on.</summary>
    public Task WhilePausedAsync(IReadOnlyList<string> resources, Func<Task> whilePaused) =>
        resources.Count == 0 ? whilePaused() : WhilePausedAsync(resources[0], () => WhilePausedAsync(resources.Skip(1).ToList(), whilePaused));

    /// <summary>
    /// Kills a server outright (SIGKILL), as a power cut or the OOM killer would: the process listening on the
    /// server's port (the server itself, not the <c>dotnet run</c> DCP started it with). <see cref="RestartAfterCrashAsync"/>
    /// brings it back.
    /// </summary>
    public static void Kill(HttpClient server) => Kill(ProcessOf(server));

    /// <summary>SIGKILL to a process found before (<see cref="ProcessOf"/>): finding it scans /proc, which takes long enough under load to miss a fast rush.</summary>
    public static void Kill(int pid) => TicketRush.Rush.Drills.LocalProcess.Signal(pid, TicketRush.Rush.Drills.LocalProcess.SigKill);

    /// <summary>The process listening on <paramref name="server"/>'s port.</summary>
    public static int ProcessOf(HttpClient server)
    {
        var port = server.BaseAddress!.Port;
        var pid = TicketRush.Rush.Drills.LocalProcess.ListeningOn(port);
        Assert.True(pid is not null, $"no process listens on port {port}");
        return pid.Value;
    }

    /// <summary>
    /// Freezes a server (SIGSTOP to the process listening on its port, as <see cref="Kill"/> finds it) for as long as
    /// <paramref name="whileFrozen"/> runs, as a long GC pause or a stalled VM would, then lets it go on (SIGCONT).
    /// </summary>
    public static async Task WhileFrozenAsync(HttpClient server, Func<Task> whileFrozen)
    {
        var port = server.BaseAddress!.Port;
        var pid = TicketRush.Rush.Drills.LocalProcess.ListeningOn(port);
        Assert.True(pid is not null, $"no process listens on port {port}");
        TicketRush.Rush.Drills.LocalProcess.Signal(pid.Value, TicketRush.Rush.Drills.LocalProcess.SigStop);
        try
        {
            await whileFrozen();
        }
        finally
        {
            TicketRush.Rush.Drills.LocalProcess.Signal(pid.Value, TicketRush.Rush.Drills.LocalProcess.SigCont);
        }
    }

    private int ProcessId(string resource)
    {
        var pid = ResourceProcess.IdOf(Running.ResourceNotifications, resource);
        Assert.True(pid is not null, $"{resource} has no process");
        return pid.Value;
    }

    private static void Signal(int pid, int signal) =>
        Assert.True(ResourceProcess.Signal(pid, signal), $"signal {signal} to process {pid} failed: errno {Marshal.GetLastPInvokeError()}");

    /// <summary>The <c>redis-counter</c> state of a ticket in Redis: its stock counter (null when not seeded) and its unsettled reservations.</summary>
    public async Task<(int? Stock, long Reservations)> RedisCounterAsync(long ticketId)
    {
        await using var redis = await ConnectRedisAsync();
        var database = redis.GetDatabase();
        var stock = await database.StringGetAsync(RedisKeys.Stock(ticketId));
        var reservations = await database.SortedSetLengthAsync(RedisKeys.Leases(ticketId));
        return (stock.IsNull ? null : (int)stock, reservations);
    }

    /// <summary>Settings passed to both servers through the AppHost's <c>Api</c> section.</summary>
    private static readonly Dictionary<string, string> ApiSettings = new()
    {
        ["Faults:Enabled"] = "true",
        // Loopback, where the study's rushes come from, is exempt (the AppHost's Api:RateLimits); clients behind the gateway are limited.
        ["RateLimits:PerAddress:PermitLimit"] = $"{PerAddressLimit}",
        ["RateLimits:PerAddress:Window"] = "00:00:30",
        ["RateLimits:PerBuyer:PermitLimit"] = $"{PerBuyerLimit}",
        ["RateLimits:PerBuyer:Window"] = "00:00:30",
    };

    public async Task DisposeAsync()
    {
        foreach (var server in Servers)
        {
            server.Dispose();
        }

        Gateway.Dispose();

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be letting go of its files; the folder is in the temp directory anyway.
        }
    }

    private static async Task<string> WatchStatesAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, string>();
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                last[update.Resource.Name] = $"{update.Snapshot.State?.Text}/{update.Snapshot.HealthStatus}";
            }
        }
        catch (OperationCanceledException)
        {
        }

        return string.Join(", ", last.Select(kv => $"{kv.Key}={kv.Value}"));
    }

}
