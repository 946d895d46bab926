namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Redis server run from the machine's own <c>redis-server</c>, loopback only, no persistence, password
/// required. The password reaches the server through a config file only its owner can read, never the
/// command line (which any local user can see in <c>ps</c>).
/// </summary>
/// <param name="name">The resource name, also the connection-string name clients use.</param>
/// <param name="command">The full path of <c>redis-server</c>.</param>
/// <param name="workingDirectory">The server's working folder, holding its config file.</param>
/// <param name="password">The password clients must give (<c>requirepass</c>).</param>
public sealed class RedisExecutableServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the server's TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>The password clients must give.</summary>
    public ParameterResource PasswordParameter { get; } = password ?? throw new ArgumentNullException(nameof(password));

    /// <summary>The config file holding the password, written with mode <c>0600</c> before every start.</summary>
    public string ConfigFile => Path.Combine(WorkingDirectory, "redis.conf");

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}
