using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketRush.AppHost.Hosting;

/// <summary>
/// A supervisor for the API servers and Redis, as systemd's <c>Restart=on-failure</c> would be: a server whose process
/// dies while the AppHost runs (killed, crashed, out of memory) is started again after a pause, so a crash drill shows
/// the system healing on its own (Redis, without persistence, comes back empty). A server stopped from the dashboard
/// goes through <c>Stopping</c> first and stays stopped.
/// </summary>
/// <remarks>
/// Aspire has no restart policy for project resources; the pieces are public: <see cref="ResourceNotificationService"/>
/// says when a resource's state changes and <see cref="ResourceCommandService"/> runs the same start command the
/// dashboard's button does.
/// </remarks>
internal sealed partial class ServerSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    ILogger<ServerSupervisor> logger,
    IReadOnlySet<string> servers,
    TimeSpan restartDelay) : BackgroundService
{
    /// <summary>Whether the AppHost restarts a killed server (default true; the tests' crash drills keep the dead server down).</summary>
    public const string EnabledKey = "Hosting:RestartKilledServers";

    /// <summary>How long a killed server stays down before it is started again.</summary>
    public const string DelayKey = "Hosting:ServerRestartDelay";

    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);

    private static readonly string[] Ended = [KnownResourceStates.Exited, KnownResourceStates.Finished];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastState = new Dictionary<string, string?>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var name = update.Resource.Name;
                if (!servers.Contains(name))
                {
                    continue;
                }

                var state = update.Snapshot.State?.Text;
                var previous = lastState.GetValueOrDefault(name);
                lastState[name] = state;
                // Running straight to an end: nobody asked it to stop (a stop passes through Stopping), so it died.
                if (previous == KnownResourceStates.Running && Ended.Contains(state) && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    Died(logger, name, update.Snapshot.ExitCode, restartDelay);
                    _ = RestartAsync(name, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(string server, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(restartDelay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(server, KnownResourceCommands.StartCommand, stoppingToken);
            if (result.Success)
            {
                Restarted(logger, server);
            }
            else
            {
                RestartFailed(logger, server, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nobody awaits a restart: a failure is logged, not thrown away unseen.
            RestartFailed(logger, server, exception.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Server} died (exit code {ExitCode}); starting it again in {Delay}")]
    private static partial void Died(ILogger logger, string server, int? exitCode, TimeSpan delay);

    [LoggerMessage(LogLevel.Information, "{Server} started again after it died")]
    private static partial void Restarted(ILogger logger, string server);

    [LoggerMessage(LogLevel.Error, "{Server} died and could not be started again: {Message}")]
    private static partial void RestartFailed(ILogger logger, string server, string? message);
}
