using System.Text.RegularExpressions;
using TicketRush.Rush.Progress;

namespace TicketRush.UnitTests.Rush;

/// <summary>Not on a terminal (CI, a pipe, a file) a long run's progress is plain timestamped lines, one per step, and nothing else.</summary>
public sealed class RunProgressTests
{
    [Fact]
    public async Task Off_a_terminal_each_step_is_one_plain_timestamped_line()
    {
        var output = new StringWriter();
        await using (var progress = new RunProgress(output, "bench"))
        {
            progress.Report("ceilings");
            progress.Report("atomic: rush");
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(new Regex(@"^\[\d\d:\d\d\] ceilings$"), lines[0]);
        Assert.Matches(new Regex(@"^\[\d\d:\d\d\] atomic: rush$"), lines[1]);
    }
}
