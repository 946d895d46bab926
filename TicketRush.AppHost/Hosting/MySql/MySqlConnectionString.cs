namespace Aspire.Hosting.ApplicationModel;

internal static class MySqlConnectionString
{
    public const string UserName = "root";

    /// <summary>The server's root connection string, the same shape as upstream Aspire.Hosting.MySql's.</summary>
    public static ReferenceExpression For(IMySqlServerResource server) =>
        For(server, UserName, server.PasswordParameter);

    /// <summary>A connection string for <paramref name="userName"/> on <paramref name="server"/>.</summary>
    public static ReferenceExpression For(IMySqlServerResource server, string userName, ParameterResource password) =>
        ReferenceExpression.Create(
            $"Server={server.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={server.PrimaryEndpoint.Property(EndpointProperty.Port)};User ID={userName};Password={password}");
}
