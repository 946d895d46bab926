using System.Globalization;
using TicketRush.Rush;
using TicketRush.Rush.Drills;

namespace TicketRush.RushCli;

/// <summary>The drill command line: a rush, and the fault that hits it.</summary>
internal sealed record DrillOptions(
    IReadOnlyList<Uri> Servers, Uri? Gateway, string Strategy, int Stock, int Buyers, string AdminKey, DrillFault Fault, TimeSpan FaultAfter, int KeyedEvery)
{
    public const string Usage = $"""
        ticketrush-rush drill — rush a ticket through the servers (and the gateway) while one local process is killed
        or frozen mid-rush, sell what is left on whatever still answers, and print the history checker's verdict.
        Against the system ./scripts/start.sh runs (loopback only). Exit 0: every check held; 3: a check failed.

        The fault (one of):
          --kill-port PORT        SIGKILL the process listening on PORT (a server: 8080 or 8081)
          --freeze-port PORT      SIGSTOP it, SIGCONT after --freeze-seconds (MariaDB's or Redis's port, or a server's)
        Options:
          --freeze-seconds N      how long a freeze lasts                  (default 3)
          --after-ms N            how far into the rush the fault hits     (default 300)
          --servers URL[,URL...]  servers                                  (default http://localhost:8080,http://localhost:8081)
          --gateway URL           also send buyers through the gateway     (default: servers only)
          --strategy NAME         the ticket's strategy                    (default atomic)
          --stock N               tickets on sale                          (default 1000)
          --buyers N              distinct buyers released together        (default 3000)
          --keyed-every N         about one buyer in N sends an Idempotency-Key and retries with it   (default 2)
          --admin-key KEY         X-Admin-Key for creating the ticket      (default {TicketRushClient.DevelopmentAdminKey})
        A killed server is not restarted by the drill: restart ./scripts/start.sh afterwards.
        """;

    public static DrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = new OptionValues(args);
        var fault = (values.Has("kill-port"), values.Has("freeze-port")) switch
        {
            (true, false) => new DrillFault(Port(values, "kill-port"), null),
            (false, true) => new DrillFault(Port(values, "freeze-port"), TimeSpan.FromSeconds(values.GetPositive("freeze-seconds", 3))),
            _ => throw new ArgumentException("Give one fault: --kill-port PORT or --freeze-port PORT."),
        };
        var options = new DrillOptions(
            values.GetServers(),
            values.Has("gateway") ? new Uri(values.Get("gateway", "")) : null,
            values.Get("strategy", "atomic"),
            values.GetPositive("stock", 1_000),
            values.GetPositive("buyers", 3_000),
            values.Get("admin-key", TicketRushClient.DevelopmentAdminKey),
            fault,
            TimeSpan.FromMilliseconds(values.GetPositive("after-ms", 300)),
            values.GetPositive("keyed-every", 2));
        values.EnsureAllRead();
        return options;
    }

    private static int Port(OptionValues values, string name) =>
        values.GetPositive(name, 1) is var port and <= 65_535 ? port : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--{name} takes a port, 1 to 65535."));
}
