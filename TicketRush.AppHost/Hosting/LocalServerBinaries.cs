namespace TicketRush.AppHost.Hosting;

/// <summary>The MariaDB/MySQL and Redis binaries local mode runs, as found on this machine.</summary>
/// <param name="MySqlServer">The full path of <c>mariadbd</c> or <c>mysqld</c>.</param>
/// <param name="MySqlInstaller">The full path of <c>mariadb-install-db</c> or <c>mysql_install_db</c>.</param>
/// <param name="RedisServer">The full path of <c>redis-server</c>.</param>
public sealed record LocalServerBinaries(string MySqlServer, string MySqlInstaller, string RedisServer)
{
    /// <summary>What to install when the binaries are missing.</summary>
    public const string InstallHint =
        "Install MariaDB and Redis (Debian/Ubuntu: 'sudo apt-get install -y mariadb-server redis-server'), " +
        "or install Docker or Podman and set Hosting:Mode=container.";

    /// <summary>Looks for the binaries on <c>PATH</c> and in the usual <c>sbin</c> folders.</summary>
    /// <returns>The binaries, or <see langword="null"/> when any of them is missing.</returns>
    public static LocalServerBinaries? Find()
    {
        var server = ExecutableLocator.Find("mariadbd", "mysqld");
        var installer = ExecutableLocator.Find("mariadb-install-db", "mysql_install_db");
        var redis = ExecutableLocator.Find("redis-server");
        return server is null || installer is null || redis is null ? null : new(server, installer, redis);
    }
}
