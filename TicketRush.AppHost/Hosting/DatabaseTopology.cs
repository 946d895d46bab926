namespace TicketRush.AppHost.Hosting;

/// <summary>How many MySQL/MariaDB servers hold the data, and how they keep each other up to date (configuration <c>Hosting:Databases</c>).</summary>
public enum DatabaseTopology
{
    /// <summary>One server, <c>mysql</c>, that both API servers write: the study's Levels 0–3.</summary>
    Single,

    /// <summary>
    /// Two primaries, <c>mysql-a</c> and <c>mysql-b</c>, each replicating the other asynchronously (GTID); api-1 uses a,
    /// api-2 uses b. Local executables only.
    /// </summary>
    TwoPrimaries,

    /// <summary>
    /// A Galera cluster of three nodes, <c>mysql-1</c> … <c>mysql-3</c>, each commit certified by all before it is
    /// acknowledged; api-1 uses node 1, api-2 node 2, node 3 keeps quorum. Local executables only.
    /// </summary>
    Galera,
}
