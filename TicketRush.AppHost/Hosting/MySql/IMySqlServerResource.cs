namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A MySQL-family server, however it runs (container or local executable): the connection string, the
/// databases to create once it is ready, and the server version clients should generate SQL for.
/// </summary>
public interface IMySqlServerResource : IResourceWithConnectionString
{
    /// <summary>The endpoint clients connect to.</summary>
    EndpointReference PrimaryEndpoint { get; }

    /// <summary>The root password.</summary>
    ParameterResource PasswordParameter { get; }

    /// <summary>The server version in Pomelo's notation, e.g. <c>10.11.19-mariadb</c> or <c>8.4.0-mysql</c>.</summary>
    string ServerVersion { get; }

    /// <summary>The databases created on this server once it is ready.</summary>
    IList<MySqlDatabaseResource> Databases { get; }

    /// <summary>
    /// The host parts of the accounts created for database users: where clients connect from, as the server
    /// sees them (loopback for a local executable, any host for a container behind a port mapping).
    /// </summary>
    IReadOnlyList<string> UserHosts { get; }
}
