namespace TicketRush.AppHost.Hosting;

/// <summary>The MariaDB/MySQL and Redis binaries local mode runs, as found on this machine.</summary>
public sealed record LocalServerBinaries(string MySqlServer, string MySqlInstaller, string RedisServer)
{
    public const string InstallHint =
        "Install MariaDB and Redis (Debian/Ubuntu: 'sudo apt-get install -y mariadb-server redis-server'), " +
        "or install Docker or Podman and set Hosting:Mode=container.";

    public static LocalServerBinaries? Find()
    {
        var server = ExecutableLocator.Find("mariadbd", "mysqld");
        var installer = ExecutableLocator.Find("mariadb-install-db", "mysql_install_db");
        var redis = ExecutableLocator.Find("redis-server");
        return server is null || installer is null || redis is null ? null : new(server, installer, redis);
    }
}
