using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>
/// Two MariaDB primaries that replicate each other asynchronously: each logs its writes (GTID, its own domain), reads
/// the other's log through a login that may do nothing but replicate, and applies it. The recipe the AppHost follows is
/// the one a DBA would type, run at every start, so a kept data directory resumes where it stopped.
/// </summary>
public static class MySqlReplicationBuilderExtensions
{
    private const string ReplicationUserName = "ticketrush_repl";

    /// <summary>
    /// Adds <c>{name}-a</c> and <c>{name}-b</c>, each a primary and each the other's replica, with one link resource per
    /// direction (<c>replication-a-to-b</c>, <c>replication-b-to-a</c>) that is healthy while that direction runs.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The prefix of the two servers' names.</param>
    /// <param name="plan">The resolved hosting plan: local MariaDB binaries, and the replication delay.</param>
    /// <returns>The two servers and the two links, in that order: a, b; a → b, b → a.</returns>
    public static (IReadOnlyList<IResourceBuilder<IMySqlServerResource>> Primaries, IReadOnlyList<IResourceBuilder<MySqlReplicationLinkResource>> Links)
        AddMySqlPrimaryPair(this IDistributedApplicationBuilder builder, [ResourceName] string name, HostingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(plan);

        string[] letters = ["a", "b"];
        var primaries = letters
            .Select((letter, index) => MySqlBuilderExtensions.AddMySqlServer(builder, $"{name}-{letter}", plan, new MySqlPrimaryIdentity(index + 1, letters.Length)))
            .ToList();
        if (!primaries[0].Resource.ServerVersion.EndsWith("-mariadb", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Several primaries are set up with MariaDB's GTID replication; {primaries[0].Resource.ServerVersion} is not MariaDB.");
        }

        var replicationPassword = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-replication-password", special: false);
        var monitorPassword = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-monitor-password", special: false);
        var links = new List<IResourceBuilder<MySqlReplicationLinkResource>>();
        for (var i = 0; i < primaries.Count; i++)
        {
            var source = primaries[i];
            var replica = primaries[(i + 1) % primaries.Count];
            var link = new MySqlReplicationLinkResource(
                $"replication-{letters[i]}-to-{letters[(i + 1) % letters.Length]}", source.Resource, replica.Resource, monitorPassword, plan.ReplicationDelay);
            links.Add(builder.AddResource(link)
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = "MySqlReplication",
                    State = KnownResourceStates.Waiting,
                    Properties = [new(CustomResourceKnownProperties.Source, $"{source.Resource.Name} → {replica.Resource.Name}, delay {plan.ReplicationDelay.TotalSeconds:0} s")],
                })
                .WithHealthCheck(MySqlBuilderExtensions.AddConnectionHealthCheck(builder, link, connectionString => new MySqlReplicationHealthCheck(connectionString))));
        }

        foreach (var primary in primaries)
        {
            var incoming = links.Single(link => link.Resource.Parent == primary.Resource).Resource;
            builder.Eventing.Subscribe<ResourceReadyEvent>(primary.Resource, async (@event, cancellationToken) =>
            {
                var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(primary.Resource);
                await using var connection = new MySqlConnection(await primary.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
                await connection.OpenAsync(cancellationToken);
                await MySqlBuilderExtensions.DoNotReplicateAsync(connection, cancellationToken);
                await CreateGlobalUserAsync(connection, ReplicationUserName, await replicationPassword.GetValueAsync(cancellationToken), "REPLICATION SLAVE", cancellationToken);
                await CreateGlobalUserAsync(connection, MySqlReplicationLinkResource.MonitorUserName, await monitorPassword.GetValueAsync(cancellationToken), "SLAVE MONITOR", cancellationToken);
                await StartReplicaAsync(connection, incoming, await replicationPassword.GetValueAsync(cancellationToken), cancellationToken);
                logger.LogInformation("Replicating {Source} with a delay of {Delay}", incoming.Source.Name, incoming.Delay);
                await notifications.PublishUpdateAsync(incoming, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            });
        }

        foreach (var primary in primaries)
        {
            primary.WithPairRestoreCommand(primaries.Single(other => other != primary).Resource, links, replicationPassword);
        }

        return (primaries, links);
    }

    /// <summary>The name of the dashboard command on each primary that restores the pair from that primary's copy.</summary>
    public const string RestorePairCommand = "restore-pair-from-here";

    /// <summary>
    /// "Restore the pair from this copy": when replication broke (a 1062 on both sides, copies that disagree), makes the
    /// other primary an exact copy of this one and restarts replication both ways (<see cref="MySqlPairRepair"/>).
    /// </summary>
    private static void WithPairRestoreCommand(
        this IResourceBuilder<IMySqlServerResource> authority, IMySqlServerResource other,
        IReadOnlyList<IResourceBuilder<MySqlReplicationLinkResource>> links, ParameterResource replicationPassword)
    {
        var intoAuthority = links.Single(link => link.Resource.Parent == authority.Resource).Resource;
        var intoOther = links.Single(link => link.Resource.Parent == other).Resource;
        authority.WithCommand(RestorePairCommand, "Restore the pair from this copy", async context =>
        {
            var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(authority.Resource);
            var password = await replicationPassword.GetValueAsync(context.CancellationToken);
            var repair = new MySqlPairRepair(authority.Resource, other,
                (connection, link, cancellationToken) => StartReplicaAsync(connection, link, password, cancellationToken), intoAuthority, intoOther);
            try
            {
                var rows = await repair.RunAsync(logger, context.CancellationToken);
                return new ExecuteCommandResult { Success = true, Message = $"{other.Name} now holds {authority.Resource.Name}'s {rows} rows; replication restarted both ways." };
            }
            catch (MySqlException exception)
            {
                logger.LogError(exception, "Restoring {Other} from {Authority} failed", other.Name, authority.Resource.Name);
                return CommandResults.Failure(exception.Message);
            }
        }, new CommandOptions
        {
            Description = $"Stop both replicas, overwrite {other.Name}'s tables with this copy's (one snapshot), and restart replication both ways from there. Pause sales on {other.Name} first: what only it holds is lost.",
            IconName = "ArrowSync",
            ConfirmationMessage = $"Overwrite every table of {other.Name} with {authority.Resource.Name}'s copy?",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }

    /// <summary>
    /// A login from loopback (where the servers run) with exactly <paramref name="privilege"/> on everything: replication
    /// and its monitoring are server-wide privileges.
    /// </summary>
    private static async Task CreateGlobalUserAsync(MySqlConnection connection, string userName, string? password, string privilege, CancellationToken cancellationToken)
    {
        foreach (var host in new[] { "127.0.0.1", "localhost" })
        {
            var account = $"'{userName}'@'{host}'";
            await using var command = new MySqlCommand(
                $"""
                CREATE USER IF NOT EXISTS {account} IDENTIFIED BY @password;
                ALTER USER {account} IDENTIFIED BY @password;
                REVOKE ALL PRIVILEGES, GRANT OPTION FROM {account};
                GRANT {privilege} ON *.* TO {account};
                """,
                connection);
            command.Parameters.AddWithValue("@password", password);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Points the replica at its source and starts it, resuming from the GTIDs it has applied (none on a new server). The
    /// source's replication login may not exist yet: the replica then retries every second until it does.
    /// </summary>
    private static async Task StartReplicaAsync(MySqlConnection connection, MySqlReplicationLinkResource link, string? password, CancellationToken cancellationToken)
    {
        var port = await link.Source.PrimaryEndpoint.Property(EndpointProperty.Port).GetValueAsync(cancellationToken);
        await using var command = new MySqlCommand(
            $"""
            STOP SLAVE;
            CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = @port, MASTER_USER = '{ReplicationUserName}', MASTER_PASSWORD = @password,
                MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1, MASTER_DELAY = @delay;
            START SLAVE;
            """,
            connection);
        command.Parameters.AddWithValue("@port", int.Parse(port ?? throw new InvalidOperationException($"{link.Source.Name} has no port."), System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@password", password);
        command.Parameters.AddWithValue("@delay", (int)link.Delay.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
