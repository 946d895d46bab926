using Microsoft.Extensions.Configuration;

namespace TicketRush.AppHost.Hosting;

/// <summary>The hosting mode actually chosen, the binaries local mode runs, and where local data lives.</summary>
/// <param name="Mode">The mode chosen: <see cref="HostingMode.Local"/> or <see cref="HostingMode.Container"/>.</param>
/// <param name="Binaries">The local binaries found, if any.</param>
/// <param name="DataDirectory">The full path of the folder local servers keep their files in.</param>
public sealed record HostingPlan(HostingMode Mode, LocalServerBinaries? Binaries, string DataDirectory)
{
    /// <summary>The configuration key of the hosting mode: <c>auto</c>, <c>local</c> or <c>container</c>.</summary>
    public const string ModeKey = "Hosting:Mode";
    /// <summary>The configuration key of the folder where local servers keep their files (default <c>.data</c> beside the AppHost).</summary>
    public const string DataDirectoryKey = "Hosting:DataDirectory";

    /// <summary>The configuration key of <see cref="Databases"/>: <c>single</c> (default), <c>two-primaries</c> or <c>galera</c>.</summary>
    public const string DatabasesKey = "Hosting:Databases";

    /// <summary>The configuration key of <see cref="ReplicationDelay"/>, in whole seconds.</summary>
    public const string ReplicationDelayKey = "Hosting:ReplicationDelay";

    /// <summary>The configuration key of <see cref="SnapshotIsolation"/>.</summary>
    public const string SnapshotIsolationKey = "Hosting:SnapshotIsolation";

    /// <summary>
    /// Runs a local MariaDB with <c>innodb_snapshot_isolation</c> on, as MariaDB 11.6.2 and later do by default (Debian 13's
    /// 11.8): a write to a row changed since the transaction's snapshot fails with error 1020 instead of matching 0 rows.
    /// </summary>
    public bool SnapshotIsolation { get; init; }

    /// <summary>How many database servers hold the data and how they replicate.</summary>
    public DatabaseTopology Databases { get; init; }

    /// <summary>
    /// With several primaries: how far each replica deliberately stays behind its source (<c>MASTER_DELAY</c>), to
    /// show what a slow link between data centres does; zero by default.
    /// </summary>
    public TimeSpan ReplicationDelay { get; init; }

    /// <summary>The binaries local mode runs; throws when local mode was not chosen.</summary>
    public LocalServerBinaries LocalBinaries =>
        Binaries ?? throw new InvalidOperationException("Local hosting was not chosen.");

    /// <summary>Resolves <c>auto</c>; fails with one message that says what to install when nothing can run the databases.</summary>
    /// <param name="configuration">The AppHost's configuration.</param>
    /// <param name="appHostDirectory">The AppHost's folder, under which the default data directory lies.</param>
    /// <returns>The plan the AppHost follows.</returns>
    public static HostingPlan Resolve(IConfiguration configuration, string appHostDirectory)
    {
        var configured = configuration[ModeKey] is { Length: > 0 } text
            ? ParseMode(text)
            : HostingMode.Auto;
        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] ?? Path.Combine(appHostDirectory, ".data"));
        var binaries = LocalServerBinaries.Find();

        var mode = configured switch
        {
            HostingMode.Local when binaries is null =>
                throw new InvalidOperationException($"{ModeKey}=local, but the server binaries are missing. {LocalServerBinaries.InstallHint}"),
            HostingMode.Auto when binaries is not null => HostingMode.Local,
            HostingMode.Auto when ContainerRuntime.Answers() => HostingMode.Container,
            HostingMode.Auto =>
                throw new InvalidOperationException($"Neither MariaDB/MySQL and Redis binaries nor a container runtime were found. {LocalServerBinaries.InstallHint}"),
            _ => configured,
        };

        var databases = ParseDatabases(configuration[DatabasesKey]);
        if (databases != DatabaseTopology.Single && mode == HostingMode.Container)
        {
            throw new InvalidOperationException($"{DatabasesKey}={configuration[DatabasesKey]} runs the machine's own MariaDB binaries only: set {ModeKey}=local.");
        }

        var delay = configuration.GetValue<int>(ReplicationDelayKey);
        if (delay is < 0 or > MaxReplicationDelaySeconds)
        {
            throw new InvalidOperationException($"{ReplicationDelayKey} is a whole number of seconds from 0 to {MaxReplicationDelaySeconds}, not '{delay}'.");
        }

        return new HostingPlan(mode, binaries, dataDirectory)
        {
            SnapshotIsolation = configuration.GetValue<bool>(SnapshotIsolationKey),
            Databases = databases,
            ReplicationDelay = TimeSpan.FromSeconds(delay),
        };
    }

    private const int MaxReplicationDelaySeconds = 3_600;

    private static DatabaseTopology ParseDatabases(string? text) => text switch
    {
        null or "" or "single" => DatabaseTopology.Single,
        "two-primaries" => DatabaseTopology.TwoPrimaries,
        "galera" => DatabaseTopology.Galera,
        _ => throw new InvalidOperationException($"{DatabasesKey} is 'single', 'two-primaries' or 'galera', not '{text}'."),
    };

    // Names only: Enum.Parse would also take "7" and hand on a mode that does not exist.
    private static HostingMode ParseMode(string text) =>
        !text.Any(char.IsDigit) && Enum.TryParse<HostingMode>(text, ignoreCase: true, out var mode)
            ? mode
            : throw new InvalidOperationException($"{ModeKey} is 'auto', 'local' or 'container', not '{text}'.");
}
