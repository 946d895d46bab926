namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A database on a MySQL-family server; created when the server is ready. Its own connection string logs in
/// as root: give clients a <see cref="MySqlUserResource"/> instead.
/// </summary>
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

    /// <summary>The users created, with their privileges on this database, right after the database.</summary>
    public IList<MySqlUserResource> Users { get; } = [];

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
