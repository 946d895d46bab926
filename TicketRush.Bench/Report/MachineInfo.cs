using System.Diagnostics;
using System.Runtime.InteropServices;
using MySqlConnector;
using StackExchange.Redis;

namespace TicketRush.Bench.Report;

/// <summary>The machine and the versions a run measured, so numbers from different machines are never compared blindly.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string Os, string Dotnet, string MariaDb, string Redis)
{
    public static async Task<MachineInfo> ReadAsync(MySqlDataSource database, IConnectionMultiplexer redis)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var version = new MySqlCommand("SELECT VERSION()", connection);
        var mariaDb = (string?)await version.ExecuteScalarAsync() ?? "?";
        var redisVersion = redis.GetServers().FirstOrDefault()?.Version.ToString() ?? "?";
        return new MachineInfo(
            Environment.ProcessorCount,
            FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            FirstValue("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var total)
                ? $"{total / 1024 / 1024.0:F1} GiB"
                : "?",
            $"{(FirstValue("/etc/os-release", "PRETTY_NAME", '=') ?? RuntimeInformation.OSDescription).Trim('"')}, kernel {KernelRelease()}",
            $"SDK {DotnetSdkVersion()}, runtime {RuntimeInformation.FrameworkDescription}",
            mariaDb,
            redisVersion);
    }

    private static string? FirstValue(string file, string key, char separator = ':') =>
        File.Exists(file)
            ? File.ReadLines(file).Where(line => line.StartsWith(key, StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string KernelRelease() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "?";

    private static string DotnetSdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
