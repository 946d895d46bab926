using TicketRush.Rush;

namespace TicketRush.RushCli;

/// <summary>The rush command line: <c>--name value</c> pairs, every one optional.</summary>
/// <param name="AdmitPerSecond">When set, each strategy is rushed twice: buyers released together, then through a waiting room admitting this many a second.</param>
/// <param name="Gateway">When set, the gateway is one more target: buyers are split evenly over the servers and it.</param>
/// <param name="KeyedEvery">When set, about one buyer in this many (see <see cref="RushPlan.KeyedEvery"/>) sends an Idempotency-Key and retries unknown answers with it.</param>
internal sealed record RushOptions(
    IReadOnlyList<Uri> Servers, string Strategy, int Stock, int Buyers, string AdminKey, string ReportPath, int? AdmitPerSecond = null,
    Uri? Gateway = null, int? KeyedEvery = null)
{
    public const string Usage = $"""
        ticketrush-rush — release a rush of buyers at running TicketRush servers and judge the result.
        (ticketrush-rush soak --help: keep the servers under load with dropped connections instead;
         ticketrush-rush drill --help: kill or freeze a process mid-rush and judge every answer.)

        Options (all optional):
          --servers URL[,URL...]  servers; buyers are split evenly   (default http://localhost:8080,http://localhost:8081)
          --strategy NAME|all     one strategy, or every one listed by GET /api/strategies   (default all)
          --stock N               tickets on sale                    (default 100)
          --buyers N              distinct buyers released together  (default 1000)
          --admin-key KEY         X-Admin-Key for creating tickets   (default {TicketRushClient.DevelopmentAdminKey})
          --report PATH           HTML report to write               (default rush-report.html)
          --waiting-room N        also rush each strategy through a waiting room admitting N buyers a second,
                                  and compare who bought with who came first   (default: no waiting room)
          --gateway URL           also send buyers through the gateway (e.g. http://localhost:8000)   (default: servers only)
          --keyed-every N         about one buyer in N sends an Idempotency-Key and retries unknown answers with it
                                  (2: half of them, on every server)   (default: none)

        Every rush is recorded and judged by the history checker (docs/history-checker.md): its table follows each
        rush, and the command exits 3 when a check failed.
        """;

    public static RushOptions Parse(IReadOnlyList<string> args)
    {
        var values = new OptionValues(args);
        var options = new RushOptions(
            values.GetServers(),
            values.Get("strategy", "all"),
            values.GetPositive("stock", 100),
            values.GetPositive("buyers", 1_000),
            values.Get("admin-key", TicketRushClient.DevelopmentAdminKey),
            values.Get("report", "rush-report.html"),
            values.Has("waiting-room") ? values.GetPositive("waiting-room", 1) : null,
            values.Has("gateway") ? new Uri(values.Get("gateway", "")) : null,
            values.Has("keyed-every") ? values.GetPositive("keyed-every", 1) : null);
        values.EnsureAllRead();
        return options;
    }
}
