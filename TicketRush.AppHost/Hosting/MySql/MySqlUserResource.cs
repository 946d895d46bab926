namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A login on a MySQL-family server with privileges on one database only, and a connection string that
/// logs in as it: what clients should reference instead of the root-owned database.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="userName">The user name on the server.</param>
/// <param name="password">The user's password parameter, set at every start of the AppHost.</param>
/// <param name="privileges">The privileges granted on the database, e.g. <c>SELECT</c> or <c>ALL PRIVILEGES</c>.</param>
/// <param name="parent">The database.</param>
public sealed class MySqlUserResource(
    string name, string userName, ParameterResource password, IReadOnlyList<string> privileges, MySqlDatabaseResource parent)
    : Resource(name), IResourceWithParent<MySqlDatabaseResource>, IResourceWithConnectionString
{
    /// <summary>The user name on the server.</summary>
    public string UserName { get; } = userName;

    /// <summary>The user's password.</summary>
    public ParameterResource PasswordParameter { get; } = password ?? throw new ArgumentNullException(nameof(password));

    /// <summary>The privileges granted on <see cref="MySqlDatabaseResource.DatabaseName"/>; nothing else is granted.</summary>
    public IReadOnlyList<string> Privileges { get; } = privileges;

    /// <inheritdoc />
    public MySqlDatabaseResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{MySqlConnectionString.For(Parent.Parent, UserName, PasswordParameter)};Database={Parent.DatabaseName}");
}
