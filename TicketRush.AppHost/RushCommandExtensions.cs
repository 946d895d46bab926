using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using TicketRush.Rush;

namespace TicketRush.AppHost;

/// <summary>
/// Dashboard commands that run a rush against both API servers and show the verdict:
/// "Rush: &lt;strategy&gt;" for each strategy the running server offers, and "Rush: all".
/// </summary>
internal static class RushCommandExtensions
{
    public static IResourceBuilder<ProjectResource> WithRushCommands(
        this IResourceBuilder<ProjectResource> resource,
        IReadOnlyList<IResourceBuilder<ProjectResource>> servers,
        IResourceBuilder<ParameterResource> adminKey,
        IResourceBuilder<ParameterResource> buyerTokenKey)
    {
        var stock = resource.ApplicationBuilder.Configuration.GetValue("Rush:Stock", 100);
        var buyers = resource.ApplicationBuilder.Configuration.GetValue("Rush:Buyers", 1_000);
        var options = new CommandOptions
        {
            Description = $"{buyers} buyers released together for {stock} tickets, half to each server",
            IconName = "Flash",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        };

        // The same rush twice on the default strategy: released together, then through a waiting room; the table compares
        // who bought with who came first.
        var admitPerSecond = resource.ApplicationBuilder.Configuration.GetValue("Rush:AdmitPerSecond", 200);
        resource.WithCommand("rush-waiting-room", "Rush: waiting room",
            context => RunWaitingRoomAsync(context, servers, adminKey, buyerTokenKey, stock, buyers, admitPerSecond),
            new CommandOptions
            {
                Description = $"{buyers} buyers for {stock} tickets: released together, then through a waiting room admitting {admitPerSecond} a second",
                IconName = "PeopleQueue",
                UpdateState = options.UpdateState,
            });

        // "all" asks the running server at the click, so it covers exactly the strategies the API has.
        resource.WithCommand("rush-all", "Rush: all",
            context => RunAsync(context, servers, adminKey, buyerTokenKey, ServerStrategiesAsync, stock, buyers), options);

        // One command per strategy of the running server's catalogue: added once the server is ready (again after a
        // restart, for a strategy that is new) and published, so the dashboard shows them without a hand-kept list.
        return resource.OnResourceReady(async (server, ready, cancellationToken) =>
        {
            using var client = RushRunner.CreateClient(new Uri(resource.GetEndpoint("http").Url));
            IReadOnlyList<string> strategies;
            try
            {
                strategies = await ServerStrategiesAsync(client, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server)
                    .LogWarning("No per-strategy rush commands: the strategy catalogue could not be read ({Message})", exception.Message);
                return;
            }

            var known = server.Annotations.OfType<ResourceCommandAnnotation>().Select(command => command.Name).ToHashSet();
            foreach (var strategy in strategies)
            {
                if (!known.Contains($"rush-{strategy}"))
                {
                    resource.WithCommand($"rush-{strategy}", $"Rush: {strategy}",
                        context => RunAsync(context, servers, adminKey, buyerTokenKey, (_, _) => Task.FromResult<IReadOnlyList<string>>([strategy]), stock, buyers),
                        options);
                }
            }

            await ready.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(server, snapshot => snapshot);
        });
    }

    private static async Task<IReadOnlyList<string>> ServerStrategiesAsync(HttpClient server, CancellationToken cancellationToken) =>
        [.. (await server.GetStrategiesAsync(cancellationToken)).Select(s => s.Name)];

    private static Task<ExecuteCommandResult> RunWaitingRoomAsync(
        ExecuteCommandContext context,
        IReadOnlyList<IResourceBuilder<ProjectResource>> servers,
        IResourceBuilder<ParameterResource> adminKey,
        IResourceBuilder<ParameterResource> buyerTokenKey,
        int stock,
        int buyers,
        int admitPerSecond) =>
        RunRushesAsync(context, servers, adminKey, buyerTokenKey, "waiting room", async (clients, key, cancellationToken) =>
        {
            const string strategy = StrategyNames.Atomic;
            return
            [
                await RushRunner.RunAsync(clients, key, strategy, stock, RushRunner.DistinctBuyers(buyers), cancellationToken),
                await WaitingRoomRunner.RunAsync(clients, key, strategy, stock, RushRunner.DistinctBuyers(buyers), new WaitingRoomRequest(admitPerSecond), cancellationToken),
            ];
        });

    private static Task<ExecuteCommandResult> RunAsync(
        ExecuteCommandContext context,
        IReadOnlyList<IResourceBuilder<ProjectResource>> servers,
        IResourceBuilder<ParameterResource> adminKey,
        IResourceBuilder<ParameterResource> buyerTokenKey,
        Func<HttpClient, CancellationToken, Task<IReadOnlyList<string>>> strategiesToRush,
        int stock,
        int buyers) =>
        RunRushesAsync(context, servers, adminKey, buyerTokenKey, "strategies", async (clients, key, cancellationToken) =>
        {
            var verdicts = new List<RushVerdict>();
            foreach (var strategy in await strategiesToRush(clients[0], cancellationToken))
            {
                verdicts.Add(await RushRunner.RunAsync(clients, key, strategy, stock, RushRunner.DistinctBuyers(buyers), cancellationToken));
            }

            return verdicts;
        });

    /// <summary>Runs rushes against both servers, logs each verdict and shows them as one table.</summary>
    private static async Task<ExecuteCommandResult> RunRushesAsync(
        ExecuteCommandContext context,
        IReadOnlyList<IResourceBuilder<ProjectResource>> servers,
        IResourceBuilder<ParameterResource> adminKey,
        IResourceBuilder<ParameterResource> buyerTokenKey,
        string what,
        Func<IReadOnlyList<HttpClient>, string, CancellationToken, Task<IReadOnlyList<RushVerdict>>> rush)
    {
        // The dashboard's rushes hold the servers' signing key, so each buyer authenticates with a token minted here.
        var buyers = new BuyerTokens(await buyerTokenKey.Resource.GetValueAsync(context.CancellationToken) ?? "");
        var clients = servers.Select(server => RushRunner.CreateClient(new Uri(server.GetEndpoint("http").Url), buyers)).ToList();
        try
        {
            var key = await adminKey.Resource.GetValueAsync(context.CancellationToken) ?? "";
            var verdicts = await rush(clients, key, context.CancellationToken);
            foreach (var verdict in verdicts)
            {
                context.Logger.LogInformation("Rush verdict: {Verdict}", verdict);
            }

            return CommandResults.Success(
                $"Rush ({what}) of {string.Join(", ", verdicts.Select(v => v.Label))} finished",
                RushTable.ToMarkdown(verdicts) + RushTable.HistoriesToMarkdown(verdicts),
                CommandResultFormat.Markdown);
        }
        catch (HttpRequestException exception)
        {
            return CommandResults.Failure($"The rush could not run: {exception.Message}");
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
