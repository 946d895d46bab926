using System.Diagnostics;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting;

/// <summary>
/// Our MySQL-family hosting integration, modelled on upstream Aspire.Hosting.MySql (not served here):
/// a server resource with a connection string and health check, and database children created once the
/// server is ready. The server runs as a container or from the machine's own MariaDB binaries.
/// </summary>
public static partial class MySqlBuilderExtensions
{
    private const int MaxConnections = 500;

    /// <summary>Adds a MySQL-family server the way <paramref name="plan"/> says: a container or a local executable.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="plan">The resolved hosting plan.</param>
    /// <returns>The server resource builder.</returns>
    public static IResourceBuilder<IMySqlServerResource> AddMySqlServer(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, HostingPlan plan) =>
        AddMySqlServer(builder, name, plan, MySqlStandaloneRole.Instance);

    /// <summary>
    /// Adds a server playing <paramref name="role"/> (a GTID primary, a Galera node): local only. Its root password is
    /// <paramref name="password"/> when given (a Galera cluster shares its accounts), else its own <c>{name}-password</c>.
    /// </summary>
    internal static IResourceBuilder<IMySqlServerResource> AddMySqlServer(
        IDistributedApplicationBuilder builder, string name, HostingPlan plan, IMySqlServerRole role, ParameterResource? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(plan);

        password ??= ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = plan.Mode == HostingMode.Container
            ? AddContainer(builder, name, password)
            : AddExecutable(builder, name, password, plan, role);

        return server.WithServerLifecycle();
    }

    /// <summary>Adds a database, created on the server when the server is ready.</summary>
    /// <param name="builder">The server resource builder.</param>
    /// <param name="name">The resource name, also the connection-string name clients use.</param>
    /// <param name="databaseName">The database name; defaults to <paramref name="name"/>.</param>
    /// <returns>The database resource builder.</returns>
    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(
        this IResourceBuilder<IMySqlServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var database = new MySqlDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);

        // The database runs once it has been created, whatever runs the server, so it carries its own state.
        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "MySqlDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, database.DatabaseName)],
            })
            .WithHealthCheck(AddConnectionHealthCheck(builder.ApplicationBuilder, database));
    }

    /// <summary>
    /// Adds a login with <paramref name="privileges"/> on this database and nothing else, created (or its
    /// password and privileges reset) right after the database, each time the server is ready. Its password
    /// is the generated secret parameter <c>{name}-password</c>. Reference it, not the database, from clients:
    /// <c>WithReference(user, connectionName: "…")</c> keeps the name they read.
    /// </summary>
    /// <param name="builder">The database resource builder.</param>
    /// <param name="name">The resource name; the user name on the server is the same with <c>-</c> as <c>_</c>.</param>
    /// <param name="privileges">What the user may do on the database, e.g. <c>SELECT</c>, <c>INSERT</c> or <c>ALL PRIVILEGES</c>.</param>
    /// <returns>The user resource builder: referenceable, and waitable once the user can log in.</returns>
    public static IResourceBuilder<MySqlUserResource> AddUser(
        this IResourceBuilder<MySqlDatabaseResource> builder, [ResourceName] string name, params string[] privileges)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(privileges);

        var userName = name.Replace('-', '_');
        if (!UserNamePattern().IsMatch(userName))
        {
            throw new ArgumentException($"'{userName}' is not a user name this integration creates: use letters, digits and '_', at most 32.", nameof(name));
        }

        var granted = privileges.Select(privilege => privilege.Trim().ToUpperInvariant()).ToArray();
        if (granted.Length == 0 || granted.Any(privilege => !PrivilegePattern().IsMatch(privilege)))
        {
            throw new ArgumentException($"Give one or more privileges such as SELECT or ALL PRIVILEGES, not '{string.Join(", ", privileges)}'.", nameof(privileges));
        }

        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder.ApplicationBuilder, $"{name}-password", special: false);
        var user = new MySqlUserResource(name, userName, password, granted, builder.Resource);
        builder.Resource.Users.Add(user);

        return builder.ApplicationBuilder.AddResource(user)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "MySqlUser",
                State = KnownResourceStates.Waiting,
                Properties =
                [
                    new(CustomResourceKnownProperties.Source, $"{userName}: {string.Join(", ", granted)} ON {builder.Resource.DatabaseName}.*"),
                ],
            })
            .WithHealthCheck(AddConnectionHealthCheck(builder.ApplicationBuilder, user));
    }

    private static IResourceBuilder<IMySqlServerResource> AddContainer(
        IDistributedApplicationBuilder builder, string name, ParameterResource password) =>
        builder.AddResource(new MySqlContainerServerResource(name, password))
            .WithEndpoint(targetPort: 3306, name: MySqlContainerServerResource.PrimaryEndpointName)
            .WithImage(MySqlContainerImageTags.Image, MySqlContainerImageTags.Tag)
            .WithImageRegistry(MySqlContainerImageTags.Registry)
            .WithEnvironment("MYSQL_ROOT_PASSWORD", password)
            .WithArgs($"--max-connections={MaxConnections}");

    private static IResourceBuilder<IMySqlServerResource> AddExecutable(
        IDistributedApplicationBuilder builder, string name, ParameterResource password, HostingPlan plan, IMySqlServerRole role)
    {
        var binaries = plan.LocalBinaries;
        var folder = PrivateFiles.CreateDirectory(Path.Combine(plan.DataDirectory, name));
        var port = FreePort.Next();
        var resource = new MySqlExecutableServerResource(name, binaries.MySqlServer, folder, password, ReadServerVersion(binaries.MySqlServer));
        var account = Environment.UserName == "root" ? role.AccountUnderRoot : null;
        var runAs = account is null ? null : $"--user={account}";
        // A server that drops from root to its own account owns its folder, and must be able to reach it.
        var owner = account is null or "root" ? null : UnixAccount.Find(account);

        // Temporary tables in a folder of its own: bootstraps sharing /tmp were seen to remove each other's (error 1017).
        var temporary = PrivateFiles.CreateDirectory(Path.Combine(folder, "tmp"));
        if (owner is not null)
        {
            UnixAccount.AllowPassage(plan.DataDirectory);
            owner.Own(folder);
            owner.Own(temporary);
        }

        // Initialise the data directory once; later runs keep their data. A Galera joiner's stays empty for its state transfer.
        var install = role.InstallsDataDirectory
            ? $"TMPDIR='{temporary}' '{binaries.MySqlInstaller}' --no-defaults --datadir='{resource.DataDirectory}' " +
              $"--auth-root-authentication-method=normal --skip-test-db {runAs} > '{folder}/install.log' 2>&1"
            : $"mkdir -p '{resource.DataDirectory}'" + (owner is null ? "" : $" && chown {owner.Name}: '{resource.DataDirectory}'");
        var init = builder.AddExecutable($"{name}-init", "sh", folder, "-c",
                $"{{ test -d '{resource.DataDirectory}/mysql' || {install}; }}{role.PrepareDataDirectory(resource.DataDirectory)}")
            .WithParentRelationship(resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, cancellationToken) =>
        {
            await PrivateFiles.WriteSecretAsync(resource.InitFile, RootPasswordSql(await password.GetValueAsync(cancellationToken)), cancellationToken);
            owner?.Own(resource.InitFile);
        });

        string[] args =
        [
            "--no-defaults",
            $"--datadir={resource.DataDirectory}",
            $"--port={port}",
            "--bind-address=127.0.0.1",
            $"--socket={Path.Combine(folder, "mysqld.sock")}",
            $"--pid-file={Path.Combine(folder, "mysqld.pid")}",
            $"--log-error={Path.Combine(folder, "error.log")}",
            $"--tmpdir={temporary}",
            $"--init-file={resource.InitFile}",
            "--skip-name-resolve",
            .. role.ServerArguments(name),
            .. plan.SnapshotIsolation ? ["--innodb-snapshot-isolation=ON"] : Array.Empty<string>(),
            $"--max-connections={MaxConnections}",
            .. runAs is null ? Array.Empty<string>() : [runAs],
        ];

        return builder.AddResource(resource)
            .WithEndpoint(name: MySqlExecutableServerResource.PrimaryEndpointName, port: port, targetPort: port, isProxied: false)
            .WithArgs(args)
            .WaitForCompletion(init);
    }

    /// <summary>Health check, then the databases and their users created once the server answers (as root, the AppHost's alone).</summary>
    private static IResourceBuilder<IMySqlServerResource> WithServerLifecycle(this IResourceBuilder<IMySqlServerResource> server)
    {
        var resource = server.Resource;
        server.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(resource, async (@event, cancellationToken) =>
        {
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            // User variables allowed: account names ('user'@'host') contain '@' but are not parameters.
            var root = new MySqlConnectionStringBuilder(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "") { AllowUserVariables = true };
            await using var connection = new MySqlConnection(root.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await DoNotReplicateAsync(connection, cancellationToken);
            foreach (var database in resource.Databases)
            {
                var quoted = new MySqlCommandBuilder().QuoteIdentifier(database.DatabaseName);
                await using var command = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS {quoted};", connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
                logger.LogInformation("Database {Database} is ready", database.DatabaseName);
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });

                foreach (var user in database.Users)
                {
                    await CreateUserAsync(connection, resource, database, user, cancellationToken);
                    logger.LogInformation("User {User} is ready: {Privileges} on {Database}", user.UserName, string.Join(", ", user.Privileges), database.DatabaseName);
                    await notifications.PublishUpdateAsync(user, snapshot => snapshot with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                    });
                }
            }
        });

        return server.WithHealthCheck(AddConnectionHealthCheck(server.ApplicationBuilder, resource));
    }

    /// <summary>
    /// Keeps this session's statements out of the binary log: each server's databases and accounts are its own, and a
    /// replica must not be handed another server's passwords. Harmless where nothing is logged.
    /// </summary>
    internal static async Task DoNotReplicateAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("SET SESSION sql_log_bin = 0;", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string AddConnectionHealthCheck(IDistributedApplicationBuilder builder, IResourceWithConnectionString resource) =>
        AddConnectionHealthCheck(builder, resource, connectionString => new MySqlHealthCheck(connectionString));

    /// <summary>
    /// Registers <paramref name="check"/> for <paramref name="resource"/> under <paramref name="key"/> (default <c>{name}_check</c>), reading the
    /// connection string once it is known; returns the key for <c>WithHealthCheck</c>.
    /// </summary>
    internal static string AddConnectionHealthCheck(
        IDistributedApplicationBuilder builder, IResourceWithConnectionString resource, Func<Func<string?>, IHealthCheck> check, string? key = null)
    {
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));

        key ??= $"{resource.Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => check(() => connectionString), failureStatus: null, tags: null));
        return key;
    }

    /// <summary>
    /// Creates the user for every host the server's clients come from, sets its password, and grants exactly
    /// its privileges on the database: whatever an earlier run granted is revoked first.
    /// </summary>
    private static async Task CreateUserAsync(
        MySqlConnection connection, IMySqlServerResource server, MySqlDatabaseResource database, MySqlUserResource user, CancellationToken cancellationToken)
    {
        var password = await user.PasswordParameter.GetValueAsync(cancellationToken);
        var quotedDatabase = new MySqlCommandBuilder().QuoteIdentifier(database.DatabaseName);
        var privileges = string.Join(", ", user.Privileges);
        foreach (var host in server.UserHosts)
        {
            // User, host and privileges are validated literals; only the password comes from outside.
            var account = $"'{user.UserName}'@'{host}'";
            await using var command = new MySqlCommand(
                $"""
                CREATE USER IF NOT EXISTS {account} IDENTIFIED BY @password;
                ALTER USER {account} IDENTIFIED BY @password;
                REVOKE ALL PRIVILEGES, GRANT OPTION FROM {account};
                GRANT {privileges} ON {quotedDatabase}.* TO {account};
                """,
                connection);
            command.Parameters.AddWithValue("@password", password);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Root logs in over loopback TCP with the password; re-applied at each start so the data directory outlives a changed password.</summary>
    private static string RootPasswordSql(string? password)
    {
        var escaped = (password ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        // Not logged: a replica applying it would take this server's root password.
        return $"""
            SET SESSION sql_log_bin = 0;
            CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
            ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{escaped}';
            GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
            ALTER USER 'root'@'localhost' IDENTIFIED BY '{escaped}';
            """;
    }

    /// <summary>Asks the binary its version (<c>Ver 10.11.19-MariaDB</c>) and writes it the way Pomelo parses it.</summary>
    private static string ReadServerVersion(string serverBinary)
    {
        using var process = Process.Start(new ProcessStartInfo(serverBinary, "--version") { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"Could not run {serverBinary} --version.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        var match = VersionPattern().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Could not read the server version from '{output.Trim()}'.");
        }

        var flavour = match.Groups["mariadb"].Success ? "mariadb" : "mysql";
        return $"{match.Groups["version"].Value}-{flavour}";
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[A-Z]+( [A-Z]+)*$")]
    private static partial Regex PrivilegePattern();

    [GeneratedRegex(@"Ver (?<version>\d+\.\d+\.\d+)(?<mariadb>-MariaDB)?", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}
