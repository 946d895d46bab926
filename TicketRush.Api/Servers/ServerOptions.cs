using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Servers;

/// <summary>Which API server this process is (section <c>Server</c>); the AppHost names each one.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    [Required]
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>
    /// Thread-pool threads kept ready, like Tomcat's 200 request threads behind the study's <c>synchronized</c>:
    /// the blocking <c>lock</c> strategy parks one thread per waiting buyer, and the pool's slow growth would
    /// otherwise starve the server mid-rush.
    /// </summary>
    [Range(1, 2000)]
    public int MinWorkerThreads { get; set; } = 200;
}
