using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Data;

/// <summary>How the API talks to MySQL/MariaDB (section <c>Database</c>).</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The connection-string name the AppHost's database resource is referenced by.</summary>
    public const string ConnectionName = "ticketrush";

    /// <summary>The server flavour the SQL is generated for; the AppHost sets it to what it started.</summary>
    public static readonly Microsoft.EntityFrameworkCore.ServerVersion DefaultServerVersion = Microsoft.EntityFrameworkCore.ServerVersion.Parse("10.11.0-mariadb");

    /// <summary>The name of this server's own primary, where it writes what has no home elsewhere (the AppHost's resource name).</summary>
    [Required]
    public string Name { get; set; } = "mysql";

    /// <summary>
    /// Every primary of a topology with several (<c>mysql-a</c>, <c>mysql-b</c>), each reached through the connection
    /// <c>ticketrush-{name}</c>; empty with one database. A ticket homed on one has its sales written there.
    /// </summary>
    public string[] Primaries { get; set; } = [];

    /// <summary>
    /// Every node of a Galera cluster (<c>mysql-1</c> … <c>mysql-3</c>), each reached through the connection
    /// <c>ticketrush-{name}</c> to read its cluster state; empty otherwise. Sales are written on this server's own node:
    /// the cluster certifies every commit against the others'.
    /// </summary>
    public string[] ClusterNodes { get; set; } = [];

    [Required]
    public string ServerVersion { get; set; } = DefaultServerVersion.ToString();

    /// <summary>Retries of transient failures by EF Core (ticket and order queries; purchases retry on their own terms).</summary>
    [Range(0, 20)]
    public int MaxRetryCount { get; set; } = 3;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Connections per server; two servers stay under the AppHost's <c>max_connections</c>.</summary>
    [Range(1, 1_000)]
    public int MaxPoolSize { get; set; } = 100;

    /// <summary>Opening a connection, waiting for a pooled one included; a purchase's own deadline usually ends the wait first.</summary>
    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>One command; purchases set their own from what is left of their deadline.</summary>
    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// -1: a command that times out has its connection closed at once, rather than the driver first opening another
    /// connection, synchronously, to send <c>KILL QUERY</c> (which parks a thread for as long as a frozen server
    /// keeps it waiting). MySQL rolls back what the closed session had not committed.
    /// </summary>
    [Range(-1, 60)]
    public int CancellationTimeoutSeconds { get; set; } = -1;
}
