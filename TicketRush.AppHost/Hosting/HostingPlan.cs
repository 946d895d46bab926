using Microsoft.Extensions.Configuration;

namespace TicketRush.AppHost.Hosting;

/// <summary>The hosting mode actually chosen, the binaries local mode runs, and where local data lives.</summary>
public sealed record HostingPlan(HostingMode Mode, LocalServerBinaries? Binaries, string DataDirectory)
{
    public const string ModeKey = "Hosting:Mode";
    public const string DataDirectoryKey = "Hosting:DataDirectory";

    public LocalServerBinaries LocalBinaries =>
        Binaries ?? throw new InvalidOperationException("Local hosting was not chosen.");

    /// <summary>Resolves <c>auto</c>; fails with one message that says what to install when nothing can run the databases.</summary>
    public static HostingPlan Resolve(IConfiguration configuration, string appHostDirectory)
    {
        var configured = configuration[ModeKey] is { Length: > 0 } text
            ? Enum.Parse<HostingMode>(text, ignoreCase: true)
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

        return new HostingPlan(mode, binaries, dataDirectory);
    }
}
