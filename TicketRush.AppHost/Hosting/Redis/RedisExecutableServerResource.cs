namespace Aspire.Hosting.ApplicationModel;

/// <summary>A Redis server run from the machine's own <c>redis-server</c>, loopback only, no persistence.</summary>
/// <param name="name">The resource name, also the connection-string name clients use.</param>
/// <param name="command">The full path of <c>redis-server</c>.</param>
/// <param name="workingDirectory">The server's working folder.</param>
public sealed class RedisExecutableServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the server's TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
