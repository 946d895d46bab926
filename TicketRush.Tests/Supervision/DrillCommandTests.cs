using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Supervision;

/// <summary>
/// The dashboard's drill commands, run as a click would run them, on the system as <c>./scripts/start.sh</c> runs it (the
/// AppHost starts a killed server or Redis again): each rushes both servers and the gateway while it breaks its
/// resource, and succeeds only when every answer passed the history checker after healing.
/// </summary>
[Collection(SupervisedCollection.Name)]
public sealed class DrillCommandTests(SupervisedApp app, ITestOutputHelper output)
{
    public static readonly TheoryData<string, string> Drills = new()
    {
        { "api-1", "drill-kill" },
        { "api-2", "drill-kill" },
        { "mysql", "drill-pause" },
        { "redis", "drill-pause" },
        { "redis", "drill-restart-empty" },
    };

    [Theory]
    [MemberData(nameof(Drills))]
    public async Task A_drill_command_breaks_its_resource_mid_rush_and_every_answer_passes_the_history_checker(string resource, string drill)
    {
        var commands = await app.DashboardCommandNamesAsync(resource, names => names.Contains(drill));
        Assert.Contains(drill, commands);

        var before = app.ResourceProcessId(resource);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var result = await app.ExecuteCommandAsync(resource, drill, timeout.Token);
        output.WriteLine(result.Message);

        Assert.True(result.Success, result.Message);
        // Whatever was broken is back: a killed process was started again by the supervisor (a new process), a paused
        // one was let go (the same process).
        var killed = drill != "drill-pause";
        await app.WaitUntilHealthyAsync(resource, before: killed ? before : null);
        Assert.True(killed != (app.ResourceProcessId(resource) == before), $"{resource} runs as {(killed ? "a new" : "the same")} process after {drill}");
    }
}
