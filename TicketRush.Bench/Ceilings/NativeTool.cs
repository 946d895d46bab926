using System.Diagnostics;
using TicketRush.AppHost.Hosting;

namespace TicketRush.Bench.Ceilings;

/// <summary>
/// A load tool written in C from Debian (<c>mariadb-slap</c>, <c>redis-benchmark</c>): the same work as a .NET ceiling
/// with nothing of .NET's in between, so a ratio is never flattered by a ceiling measured through a slow client.
/// </summary>
internal sealed class NativeTool(string name, string package)
{
    private readonly string? _executable = ExecutableLocator.Find(name);

    public string Name { get; } = name;

    /// <summary>The Debian package that brings it, for the message when it is missing.</summary>
    public string Package { get; } = package;

    public bool IsInstalled => _executable is not null;

    /// <summary>Runs the tool to its end (or the cancellation) and returns what it printed, both streams; a failed run throws.</summary>
    public async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable ?? throw new InvalidOperationException($"{Name} is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        using var stop = cancellationToken.Register(() => process.Kill());
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        var printed = await output + await errors;
        return process.ExitCode == 0 ? printed : throw new InvalidOperationException($"{Name} exited with {process.ExitCode}: {printed.Trim()}");
    }
}
