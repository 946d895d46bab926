namespace TicketRush.AppHost.Hosting;

/// <summary>How the AppHost runs MySQL/MariaDB and Redis (configuration <c>Hosting:Mode</c>).</summary>
public enum HostingMode
{
    /// <summary>Local binaries when present, else a container runtime that answers, else stop with what to install.</summary>
    Auto,

    /// <summary><c>mariadbd</c>/<c>mysqld</c> and <c>redis-server</c> found on the machine, run as executables.</summary>
    Local,

    /// <summary>The official images through Docker or Podman.</summary>
    Container,
}
