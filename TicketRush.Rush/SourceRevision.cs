using System.Diagnostics;

namespace TicketRush.Rush;

/// <summary>
/// The commit a measurement ran on, so a results table says what it measured: <c>abc1234</c>, <c>abc1234 + local
/// changes</c>, or <c>unknown</c> outside a git checkout.
/// </summary>
public static class SourceRevision
{
    public static string Describe()
    {
        var commit = Git("rev-parse --short HEAD");
        if (string.IsNullOrEmpty(commit))
        {
            return "unknown";
        }

        return string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no")) ? commit : $"{commit} + local changes";
    }

    /// <summary>The line a results table opens with: when and on which commit it was measured.</summary>
    public static string Stamp(DateTimeOffset measuredAt) =>
        FormattableString.Invariant($"Measured {measuredAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC on commit {Describe()}.");

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
