namespace Aspire.Hosting.ApplicationModel;

/// <summary>MySQL in a container (the official image), for machines with Docker or Podman.</summary>
/// <param name="name">The resource name.</param>
/// <param name="password">The root password parameter.</param>
public sealed class MySqlContainerServerResource(string name, ParameterResource password)
    : ContainerResource(name), IMySqlServerResource
{
    /// <summary>The name of the server's TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <inheritdoc />
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ParameterResource PasswordParameter { get; } = password ?? throw new ArgumentNullException(nameof(password));

    /// <inheritdoc />
    public string ServerVersion => $"{MySqlContainerImageTags.Tag}.0-mysql";

    /// <inheritdoc />
    public IList<MySqlDatabaseResource> Databases { get; } = [];

    /// <inheritdoc />
    /// <remarks>Clients reach the container through a port mapping, from an address the server cannot know in advance.</remarks>
    public IReadOnlyList<string> UserHosts { get; } = ["%"];

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => MySqlConnectionString.For(this);
}
