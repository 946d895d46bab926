using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Data;

/// <summary>How the API talks to MySQL/MariaDB (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The connection-string name the AppHost's database resource is referenced by.</summary>
    public const string ConnectionName = "ticketrush";

    /// <summary>The server flavour the SQL is generated for; the AppHost sets it to what it started.</summary>
    public static readonly Microsoft.EntityFrameworkCore.ServerVersion DefaultServerVersion = Microsoft.EntityFrameworkCore.ServerVersion.Parse("10.11.0-mariadb");

    [Required]
    public string ServerVersion { get; set; } = DefaultServerVersion.ToString();

    /// <summary>Retries of transient failures (deadlocks, dropped connections); every retried unit is one transaction.</summary>
    [Range(0, 20)]
    public int MaxRetryCount { get; set; } = 6;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
