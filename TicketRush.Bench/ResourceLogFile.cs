using Microsoft.Extensions.Logging;

namespace TicketRush.Bench;

/// <summary>
/// The resources' logs (MariaDB, Redis, the servers, the gateway) go to a file and not to the bench's output, which is
/// its progress and its results: a quick run used to print some 200 lines of the gateway's first failed health probes.
/// </summary>
internal sealed class ResourceLogFile : ILoggerProvider
{
    /// <summary>Aspire forwards each resource's log under <c>{AppHost}.Resources.{resource}</c>.</summary>
    public const string Category = "TicketRush.AppHost.Resources";

    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public ResourceLogFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(Path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(ResourceLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            file.Write($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {text}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
