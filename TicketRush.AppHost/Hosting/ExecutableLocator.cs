namespace TicketRush.AppHost.Hosting;

/// <summary>Finds server binaries on PATH and in the sbin folders Debian installs daemons into (often not on a user's PATH).</summary>
public static class ExecutableLocator
{
    private static readonly string[] DaemonFolders = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"];

    /// <summary>The full path of the first of <paramref name="names"/> that exists, or null.</summary>
    public static string? Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(DaemonFolders)
            .Distinct()
            .ToArray();

        return names
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
