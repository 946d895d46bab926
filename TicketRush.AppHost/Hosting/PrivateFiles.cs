namespace TicketRush.AppHost.Hosting;

/// <summary>
/// Files and folders that hold secrets (passwords in an init file or a config file) or a server's data:
/// readable and writable by the owner only, never world-readable, not even for a moment.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Owner read and write: <c>0600</c>.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and search: <c>0700</c>.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) with mode <c>0700</c>, or narrows an existing
    /// folder to <c>0700</c>.
    /// </summary>
    /// <param name="path">The folder.</param>
    /// <returns>The folder's full path.</returns>
    public static string CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path).FullName;
        }

        var folder = Directory.CreateDirectory(path, DirectoryMode);
        File.SetUnixFileMode(folder.FullName, DirectoryMode);
        return folder.FullName;
    }

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> with mode <c>0600</c>. A new file is
    /// created with that mode; an existing one is truncated and narrowed to it before the secret is written.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="contents">The text, typically holding a secret.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the file is written.</returns>
    public static async Task WriteSecretAsync(string path, string contents, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(contents);

        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        await using var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only: a file left by an older run may be world-readable.
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        }

        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(contents.AsMemory(), cancellationToken);
    }
}
