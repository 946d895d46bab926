namespace Aspire.Hosting.ApplicationModel;

internal static class MySqlContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "library/mysql";
    public const string Tag = "8.4";
}
