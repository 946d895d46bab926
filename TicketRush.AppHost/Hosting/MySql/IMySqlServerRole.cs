namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// What a local MariaDB server is among the topology's others: the flags that make it so, whether its data directory
/// is installed here or filled from another server, and which account it runs as when the AppHost runs as root.
/// </summary>
internal interface IMySqlServerRole
{
    /// <summary>The server flags of this role (binary log, replication identity, cluster membership).</summary>
    IEnumerable<string> ServerArguments(string name);

    /// <summary>
    /// False when the data directory starts empty and another server fills it (a Galera joiner's state transfer); true
    /// when <c>mariadb-install-db</c> creates it.
    /// </summary>
    bool InstallsDataDirectory => true;

    /// <summary>
    /// The operating-system account the server runs as when the AppHost is root. <c>root</c> for a server of its own;
    /// the server's own account for a Galera node, whose rsync state transfer refuses to run as root.
    /// </summary>
    string AccountUnderRoot => "root";

    /// <summary>Shell to run on the data directory once it exists, before every start (<c> &amp;&amp; …</c>), or nothing.</summary>
    string PrepareDataDirectory(string dataDirectory) => "";
}

/// <summary>One server alone: nothing to replicate, so no binary log.</summary>
internal sealed record MySqlStandaloneRole : IMySqlServerRole
{
    public static readonly MySqlStandaloneRole Instance = new();

    public IEnumerable<string> ServerArguments(string name) => ["--skip-log-bin"];
}
