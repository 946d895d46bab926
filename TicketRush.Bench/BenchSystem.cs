using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using TicketRush.AppHost.Hosting;
using TicketRush.Rush;

namespace TicketRush.Bench;

/// <summary>
/// The whole system — MariaDB, Redis, the migration and both API servers — started through the real AppHost as the
/// integration tests start it (own data directory, free ports, a generated admin key), so the bench knows every
/// connection string. With telemetry on, the Aspire dashboard runs too and the servers export to it, as under start.sh.
/// </summary>
internal sealed class BenchSystem : IAsyncDisposable
{
    public static readonly string[] ServerNames = ["api-1", "api-2"];

    // Aspire's own name for the dashboard resource (its constant is internal).
    private const string DashboardResourceName = "aspire-dashboard";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ticketrush-bench-").FullName;
    private DistributedApplication? _app;

    private BenchSystem()
    {
    }

    public string AdminKey { get; } = $"bench-{Guid.NewGuid():N}";

    /// <summary>The servers' buyer-token key for this run: the bench mints each buyer's token locally, as the rush runner does.</summary>
    public string BuyerTokenKey { get; } = $"bench-buyers-{Guid.NewGuid():N}";

    private BuyerTokens Buyers => field ??= new BuyerTokens(BuyerTokenKey);

    /// <summary>One client per server, in <see cref="ServerNames"/> order.</summary>
    public IReadOnlyList<HttpClient> Servers { get; private set; } = [];

    /// <summary>The servers' base addresses, for load tools of their own (wrk).</summary>
    public IReadOnlyList<Uri> ServerAddresses => [.. Servers.Select(server => server.BaseAddress!)];

    /// <summary>Whether the servers were given an OTLP endpoint (the dashboard's), i.e. whether they export telemetry.</summary>
    public string? OtlpEndpoint { get; private set; }

    public bool DashboardRunning { get; private set; }

    /// <param name="resourceLog">Where the resources' logs go (the caller owns it and disposes it after the system).</param>
    /// <param name="apiSettings">Settings given to both servers (<c>Key=Value</c>, through the AppHost's <c>Api</c> section).</param>
    public static async Task<BenchSystem> StartAsync(bool telemetry, ResourceLogFile resourceLog, IReadOnlyList<string> apiSettings, CancellationToken cancellationToken)
    {
        var system = new BenchSystem();
        try
        {
            await system.StartCoreAsync(telemetry, resourceLog, apiSettings, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(bool telemetry, ResourceLogFile resourceLog, IReadOnlyList<string> apiSettings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        string[] dashboardArgs = telemetry
            ?
            [
                // What the AppHost's http launch profile gives the dashboard under start.sh, on free loopback ports.
                $"--ASPNETCORE_URLS=http://127.0.0.1:{FreePort.Next()}",
                $"--DOTNET_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ]
            : [];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TicketRush_AppHost>(
            [
                "--environment=Development",
                $"--Hosting:DataDirectory={_dataDirectory}",
                $"--Parameters:admin-key={AdminKey}",
                $"--Parameters:buyer-token-key={BuyerTokenKey}",
                .. ServerNames.Select(name => $"--ApiServers:{name}:Port={FreePort.Next()}"),
                .. dashboardArgs,
                .. apiSettings.Select(setting => $"--Api:{setting}"),
            ],
            (options, _) =>
            {
                // The testing builder turns the dashboard off; the target condition is start.sh's, dashboard up.
                options.DisableDashboard = !telemetry;
                options.AllowUnsecuredTransport = telemetry;
            },
            timeout.Token);
        builder.Services.AddLogging(logging => logging
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter<ConsoleLoggerProvider>(ResourceLogFile.Category, LogLevel.None)
            .AddFilter<ResourceLogFile>(ResourceLogFile.Category, LogLevel.Information)
            .AddProvider(resourceLog));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var name in ServerNames)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        Servers = [.. ServerNames.Select(name => RushRunner.CreateClient(_app.GetEndpoint(name, "http"), Buyers))];
        OtlpEndpoint = EnvironmentOf(ServerNames[0], "OTEL_EXPORTER_OTLP_ENDPOINT");
        DashboardRunning = _app.ResourceNotifications.TryGetCurrentState(DashboardResourceName, out var dashboard)
            && dashboard?.Snapshot.State?.Text == KnownResourceStates.Running;
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await Running.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>
    /// The process id of a server, e.g. to attach <c>dotnet-counters</c>. DCP starts a project through <c>dotnet run</c>,
    /// so the resource's own pid is that wrapper's; the server is its child.
    /// </summary>
    public string ProcessId(string resource)
    {
        if (ResourceProcess.IdOf(Running.ResourceNotifications, resource) is not { } pid)
        {
            return "?";
        }

        var children = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(children) && File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child, ..]
            ? child
            : pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string? EnvironmentOf(string resource, string variable) =>
        Running.ResourceNotifications.TryGetCurrentState(resource, out var state)
            ? state.Snapshot.EnvironmentVariables.FirstOrDefault(e => e.Name == variable)?.Value
            : null;

    private DistributedApplication Running => _app ?? throw new InvalidOperationException("The system is not running.");

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            // Every request has completed by now: disposing closes idle keep-alive connections with a FIN.
            server.Dispose();
        }

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
}
