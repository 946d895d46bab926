namespace Aspire.Hosting.ApplicationModel;

/// <summary>A database on a MySQL-family server; created when the server is ready.</summary>
/// <param name="name">The resource name, also the connection-string name clients use.</param>
/// <param name="databaseName">The database name on the server.</param>
/// <param name="parent">The server.</param>
public sealed class MySqlDatabaseResource(string name, string databaseName, IMySqlServerResource parent)
    : Resource(name), IResourceWithParent<IMySqlServerResource>, IResourceWithConnectionString
{
    /// <summary>The database name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <inheritdoc />
    public IMySqlServerResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
