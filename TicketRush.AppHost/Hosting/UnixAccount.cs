using System.Globalization;
using System.Runtime.InteropServices;

namespace TicketRush.AppHost.Hosting;

/// <summary>
/// An operating-system account a server started by a root AppHost drops to (<c>--user=mysql</c>), and handing it the
/// files that server must read or write: through libc, as <see cref="ResourceProcess"/> signals.
/// </summary>
/// <param name="Name">The account's name.</param>
/// <param name="UserId">Its uid.</param>
/// <param name="GroupId">Its primary gid.</param>
public sealed record UnixAccount(string Name, int UserId, int GroupId)
{
    /// <summary>The account named <paramref name="name"/> in <c>/etc/passwd</c>; throws when there is none.</summary>
    public static UnixAccount Find(string name) =>
        File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length > 3 && fields[0] == name)
            .Select(fields => new UnixAccount(name, int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture)))
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"There is no '{name}' account; Debian's mariadb-server package creates it.");

    /// <summary>Gives <paramref name="path"/> (not what is under it) to this account, keeping its mode.</summary>
    public void Own(string path)
    {
        if (ChangeOwner(path, UserId, GroupId) != 0)
        {
            throw new IOException($"chown {Name} '{path}' failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>
    /// Lets this account pass through <paramref name="folder"/> (the search bit for others, no listing) so it reaches its
    /// own folder below: a root-owned <c>0700</c> data directory would stop it at the door.
    /// </summary>
    public static void AllowPassage(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int ChangeOwner(string path, int owner, int group);
}
