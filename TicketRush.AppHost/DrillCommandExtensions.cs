using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using TicketRush.Rush;
using TicketRush.Rush.Drills;
using TicketRush.Rush.History;

namespace TicketRush.AppHost;

/// <summary>
/// Dashboard commands that run a drill on the resource they sit on, as <c>ticketrush-rush drill</c> does: a rush through
/// both servers and the gateway while the resource is killed, paused or restarted empty mid-rush, then sales on whatever
/// still answers until the stock is gone, and the history checker's verdict.
/// </summary>
internal static class DrillCommandExtensions
{
    /// <summary>What every drill rushes: the servers and the gateway, the ticket's size and strategy (<c>Drill:*</c>).</summary>
    public sealed record DrillTargets(
        IReadOnlyList<IResourceBuilder<ProjectResource>> Servers, IResourceBuilder<ProjectResource> Gateway, IResourceBuilder<ParameterResource> AdminKey);

    /// <summary>"Drill: kill" on each API server: SIGKILL mid-rush; the supervisor starts it again.</summary>
    public static void WithKillDrills(this DrillTargets targets)
    {
        foreach (var server in targets.Servers)
        {
            server.WithDrillCommand(targets, "drill-kill", "Drill: kill this server", "SIGKILL this server mid-rush (the AppHost starts it again)",
                "Delete", port => new DrillFault(port, Freeze: null));
        }
    }

    /// <summary>"Drill: pause N s" on a MariaDB or Redis resource: SIGSTOP mid-rush, SIGCONT after <c>Drill:PauseSeconds</c>.</summary>
    public static IResourceBuilder<T> WithPauseDrill<T>(this IResourceBuilder<T> resource, DrillTargets targets)
        where T : IResource
    {
        var pause = TimeSpan.FromSeconds(resource.ApplicationBuilder.Configuration.GetValue("Drill:PauseSeconds", 3));
        return resource.WithDrillCommand(targets, "drill-pause", $"Drill: pause {pause.TotalSeconds:F0} s",
            $"Freeze (SIGSTOP) this process for {pause.TotalSeconds:F0} s mid-rush", "Pause", port => new DrillFault(port, pause));
    }

    /// <summary>"Drill: restart empty" on Redis: SIGKILL mid-rush; the supervisor starts it again, with nothing in it.</summary>
    public static IResourceBuilder<T> WithRestartEmptyDrill<T>(this IResourceBuilder<T> resource, DrillTargets targets)
        where T : IResource =>
        resource.WithDrillCommand(targets, "drill-restart-empty", "Drill: restart empty",
            "Kill this Redis mid-rush; the AppHost starts it again with its data lost", "ArrowClockwise", DrillFault.RestartEmpty);

    private static IResourceBuilder<T> WithDrillCommand<T>(
        this IResourceBuilder<T> resource, DrillTargets targets, string name, string displayName, string description, string icon, Func<int, DrillFault> fault)
        where T : IResource
    {
        var configuration = resource.ApplicationBuilder.Configuration;
        var strategy = configuration.GetValue("Drill:Strategy", "redis-counter")!;
        var stock = configuration.GetValue("Drill:Stock", 200);
        var buyers = configuration.GetValue("Drill:Buyers", 600);
        return resource.WithCommand(name, displayName, context => RunAsync(context, resource.Resource, targets, strategy, stock, buyers, fault), new CommandOptions
        {
            Description = $"{description}: {buyers} buyers for {stock} tickets ({strategy}) over both servers and the gateway, then the history checker's verdict",
            IconName = icon,
            ConfirmationMessage = $"{displayName}: {description}?",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }

    private static async Task<ExecuteCommandResult> RunAsync(
        ExecuteCommandContext context, IResource broken, DrillTargets targets, string strategy, int stock, int buyers, Func<int, DrillFault> fault)
    {
        // The port the process listens on: what the drill finds it by (for a project, the server itself, not its wrapper).
        var port = (broken as IResourceWithEndpoints)?.GetEndpoints().FirstOrDefault()?.Port
            ?? throw new InvalidOperationException($"{broken.Name} has no endpoint to find its process by.");
        var clients = targets.Servers.Append(targets.Gateway).Select(server => RushRunner.CreateClient(new Uri(server.GetEndpoint("http").Url))).ToList();
        try
        {
            PurchaseTarget[] purchaseTargets = [.. RushRunner.Targets(clients[..^1]), new PurchaseTarget(targets.Gateway.Resource.Name, clients[^1])];
            var key = await targets.AdminKey.Resource.GetValueAsync(context.CancellationToken) ?? "";
            var drill = fault(port);
            var result = await DrillRunner.RunAsync(purchaseTargets, key, strategy, stock, buyers, drill, TimeSpan.FromMilliseconds(300),
                RushPlan.HalfKeyed, message => context.Logger.LogInformation("Drill: {Message}", message), context.CancellationToken);
            context.Logger.LogInformation("Drill verdict: {Rush}{NewLine}{Verdict}", result.Rush, Environment.NewLine, result.Verdict);
            var healed = result.HealedIn is { } healedIn ? $"the rest sold within {healedIn.TotalSeconds:F1} s" : "stock still left after healing";
            var table = $"{result.Rush}{Environment.NewLine}{Environment.NewLine}{healed}.{Environment.NewLine}{Environment.NewLine}{result.Verdict}";
            return result.Verdict.IsValid
                ? CommandResults.Success($"{drill}: every check held", table, CommandResultFormat.Markdown)
                : CommandResults.Failure($"{drill}: the history checker found {result.Verdict.Summary}{Environment.NewLine}{table}");
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            return CommandResults.Failure($"The drill could not run: {exception.Message}");
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
