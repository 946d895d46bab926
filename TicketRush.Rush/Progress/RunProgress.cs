using System.Diagnostics;
using Spectre.Console;

namespace TicketRush.Rush.Progress;

/// <summary>
/// A long run's progress (bench, soak, drills): each step a timestamped line, and on a terminal a live spinner under
/// them naming the step under way and how long it has run. Not on a terminal (CI, a pipe) it is the plain lines only.
/// Results are printed after <see cref="DisposeAsync"/>, never through it.
/// </summary>
public sealed class RunProgress : IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TextWriter _plain;
    private readonly IAnsiConsole? _terminal;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _live = Task.CompletedTask;
    private volatile string _current;
    private TimeSpan _currentSince;

    /// <param name="output">Where the lines go: stdout for the bench, stderr for soak and drills (whose stdout is their results).</param>
    /// <param name="title">What the spinner shows before the first step.</param>
    public RunProgress(TextWriter output, string title)
    {
        _plain = output;
        _current = title;
        var terminal = (output == Console.Out && !Console.IsOutputRedirected) || (output == Console.Error && !Console.IsErrorRedirected);
        if (!terminal || Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            return;
        }

        _terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        _live = _terminal.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(title), async status =>
        {
            while (!_stop.IsCancellationRequested)
            {
                status.Status(Markup.Escape($"{_current} ({Since(_currentSince)})"));
                await Task.Delay(Refresh, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
    }

    /// <summary>A step starts: its line is printed, and the spinner shows it until the next one.</summary>
    public void Report(string step)
    {
        var line = $"[{_clock.Elapsed:mm\\:ss}] {step}";
        (_currentSince, _current) = (_clock.Elapsed, step);
        if (_terminal is not null && !_stop.IsCancellationRequested)
        {
            _terminal.MarkupLine($"[grey]{Markup.Escape(line[..7])}[/]{Markup.Escape(line[7..])}");
        }
        else
        {
            _plain.WriteLine(line);
        }
    }

    /// <summary>Ends the live display; later steps are plain lines.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _live;
    }

    private string Since(TimeSpan start) => (_clock.Elapsed - start) is var taken && taken.TotalMinutes >= 1
        ? $"{taken:m\\:ss}"
        : $"{taken.TotalSeconds:F0} s";
}
