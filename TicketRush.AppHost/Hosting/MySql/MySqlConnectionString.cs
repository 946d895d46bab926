namespace Aspire.Hosting.ApplicationModel;

internal static class MySqlConnectionString
{
    public const string UserName = "root";

    /// <summary>The server's connection string, the same shape as upstream Aspire.Hosting.MySql's.</summary>
    public static ReferenceExpression For(IMySqlServerResource server) =>
        ReferenceExpression.Create(
            $"Server={server.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={server.PrimaryEndpoint.Property(EndpointProperty.Port)};User ID={UserName};Password={server.PasswordParameter}");
}
