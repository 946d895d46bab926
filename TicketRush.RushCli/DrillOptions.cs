using System.CommandLine;
using TicketRush.Rush;
using TicketRush.Rush.Drills;

namespace TicketRush.RushCli;

/// <summary>The drill command line: a rush, and the fault that hits it.</summary>
internal sealed record DrillOptions(
    IReadOnlyList<Uri> Servers, Uri? Gateway, string Strategy, int Stock, int Buyers, string AdminKey, DrillFault Fault, TimeSpan FaultAfter, int KeyedEvery, string? BuyerKey = null)
{
    private const int MaxPort = 65_535;

    private static readonly Option<int> KillPortOption = CommandLineOptions.Positive("--kill-port", "SIGKILL the process listening on PORT (a server: 8080 or 8081)", max: MaxPort);
    private static readonly Option<int> FreezePortOption = CommandLineOptions.Positive(
        "--freeze-port", "SIGSTOP the process listening on PORT, SIGCONT after --freeze-seconds (MariaDB's or Redis's port, or a server's)", max: MaxPort);
    private static readonly Option<int> RestartRedisEmptyOption = CommandLineOptions.Positive(
        "--restart-redis-empty", "SIGKILL the Redis listening on PORT and wait until the AppHost has started it again, empty (it keeps no data on disk)", max: MaxPort);
    private static readonly Option<int> FreezeSecondsOption = CommandLineOptions.Positive("--freeze-seconds", 3, "how long a freeze lasts");
    private static readonly Option<int> AfterOption = CommandLineOptions.Positive("--after-ms", 300, "how far into the rush the fault hits, in milliseconds");
    private static readonly Option<IReadOnlyList<Uri>> ServersOption = CommandLineOptions.Servers();
    private static readonly Option<Uri?> GatewayOption = CommandLineOptions.Url("--gateway", "also send buyers through the gateway");
    private static readonly Option<string> StrategyOption = CommandLineOptions.Text("--strategy", StrategyNames.Atomic, "the ticket's strategy", "NAME");
    private static readonly Option<int> StockOption = CommandLineOptions.Positive("--stock", 1_000, "tickets on sale");
    private static readonly Option<int> BuyersOption = CommandLineOptions.Positive("--buyers", 3_000, "distinct buyers released together");
    private static readonly Option<int> KeyedEveryOption = CommandLineOptions.Positive("--keyed-every", 2, "about one buyer in N sends an Idempotency-Key and retries with it");
    private static readonly Option<string> AdminKeyOption = CommandLineOptions.AdminKey();
    private static readonly Option<string?> BuyerKeyOption = CommandLineOptions.BuyerKey();

    public static Command Command { get; } = CreateCommand();

    public static DrillOptions Parse(IReadOnlyList<string> args) => CommandLineOptions.Parse(Command, args, From);

    public static DrillOptions From(ParseResult result) => new(
        result.GetRequiredValue(ServersOption),
        result.GetValue(GatewayOption),
        result.GetRequiredValue(StrategyOption),
        result.GetValue(StockOption),
        result.GetValue(BuyersOption),
        result.GetRequiredValue(AdminKeyOption),
        result.GetResult(KillPortOption) is not null ? new DrillFault(result.GetValue(KillPortOption), null)
        : result.GetResult(RestartRedisEmptyOption) is not null ? DrillFault.RestartEmpty(result.GetValue(RestartRedisEmptyOption))
        : new DrillFault(result.GetValue(FreezePortOption), TimeSpan.FromSeconds(result.GetValue(FreezeSecondsOption))),
        TimeSpan.FromMilliseconds(result.GetValue(AfterOption)),
        result.GetValue(KeyedEveryOption),
        result.GetValue(BuyerKeyOption));

    private static Command CreateCommand()
    {
        var command = new Command("drill", """
            Rush a ticket through the servers (and the gateway) while one local process is killed or frozen mid-rush,
            sell what is left on whatever still answers, and print the history checker's verdict. Against the system
            ./scripts/start.sh runs (loopback only); give one fault, --kill-port, --freeze-port or --restart-redis-empty.
            The AppHost starts a killed server or Redis again (Hosting:RestartKilledServers). Exit 0: every check held;
            3: a check failed.
            """)
        {
            KillPortOption, FreezePortOption, RestartRedisEmptyOption, FreezeSecondsOption, AfterOption, ServersOption, GatewayOption, StrategyOption, StockOption, BuyersOption,
            KeyedEveryOption, AdminKeyOption, BuyerKeyOption,
        };
        command.Validators.Add(result =>
        {
            if (new[] { KillPortOption, FreezePortOption, RestartRedisEmptyOption }.Count(fault => result.GetResult(fault) is not null) != 1)
            {
                result.AddError("Give one fault: --kill-port PORT, --freeze-port PORT or --restart-redis-empty PORT.");
            }
        });
        return command;
    }
}
