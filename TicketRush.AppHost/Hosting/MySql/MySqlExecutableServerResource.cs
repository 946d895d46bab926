namespace Aspire.Hosting.ApplicationModel;

/// <summary>A MariaDB/MySQL server run from the machine's own binaries (Debian's <c>mariadb-server</c>).</summary>
/// <param name="name">The resource name.</param>
/// <param name="command">The full path of <c>mariadbd</c> or <c>mysqld</c>.</param>
/// <param name="workingDirectory">The folder holding the data directory, socket, log and init file.</param>
/// <param name="password">The root password parameter, set at every start through the init file.</param>
/// <param name="serverVersion">The version the binary reports, in Pomelo's notation.</param>
public sealed class MySqlExecutableServerResource(
    string name, string command, string workingDirectory, ParameterResource password, string serverVersion)
    : ExecutableResource(name, command, workingDirectory), IMySqlServerResource
{
    /// <summary>The name of the server's TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <inheritdoc />
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ParameterResource PasswordParameter { get; } = password ?? throw new ArgumentNullException(nameof(password));

    /// <inheritdoc />
    public string ServerVersion { get; } = serverVersion;

    /// <inheritdoc />
    public IList<MySqlDatabaseResource> Databases { get; } = [];

    /// <inheritdoc />
    /// <remarks>The server listens on loopback only and skips name resolution: clients are <c>127.0.0.1</c> over TCP or <c>localhost</c> over the socket.</remarks>
    public IReadOnlyList<string> UserHosts { get; } = ["127.0.0.1", "localhost"];

    /// <summary>The server's data directory, initialised once and kept between runs.</summary>
    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    /// <summary>SQL run at every start: sets the root password for loopback TCP logins.</summary>
    public string InitFile => Path.Combine(WorkingDirectory, "init.sql");

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => MySqlConnectionString.For(this);
}
