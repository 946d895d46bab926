using System.CommandLine;
using TicketRush.Rush;

namespace TicketRush.RushCli;

/// <summary>The rush command line, every option optional.</summary>
/// <param name="AdmitPerSecond">When set, each strategy is rushed twice: buyers released together, then through a waiting room admitting this many a second.</param>
/// <param name="Gateway">When set, the gateway is one more target: buyers are split evenly over the servers and it.</param>
/// <param name="KeyedEvery">When set, about one buyer in this many (see <see cref="RushPlan.KeyedEvery"/>) sends an Idempotency-Key and retries unknown answers with it.</param>
internal sealed record RushOptions(
    IReadOnlyList<Uri> Servers, string Strategy, int Stock, int Buyers, string AdminKey, string ReportPath, int? AdmitPerSecond = null,
    Uri? Gateway = null, int? KeyedEvery = null, string? BuyerKey = null)
{
    private static readonly Option<IReadOnlyList<Uri>> ServersOption = CommandLineOptions.Servers();
    private static readonly Option<string> StrategyOption = CommandLineOptions.Text("--strategy", "all", "one strategy, or every one listed by GET /api/strategies", "NAME|all");
    private static readonly Option<int> StockOption = CommandLineOptions.Positive("--stock", 100, "tickets on sale");
    private static readonly Option<int> BuyersOption = CommandLineOptions.Positive("--buyers", 1_000, "distinct buyers released together");
    private static readonly Option<string> AdminKeyOption = CommandLineOptions.AdminKey();
    private static readonly Option<string> ReportOption = CommandLineOptions.Text("--report", "rush-report.html", "HTML report to write", "PATH");
    private static readonly Option<int> WaitingRoomOption = CommandLineOptions.Positive(
        "--waiting-room", "also rush each strategy through a waiting room admitting N buyers a second, and compare who bought with who came first");
    private static readonly Option<Uri?> GatewayOption = CommandLineOptions.Url("--gateway", "also send buyers through the gateway (e.g. http://localhost:8000)");
    private static readonly Option<string?> BuyerKeyOption = CommandLineOptions.BuyerKey();
    private static readonly Option<int> KeyedEveryOption = CommandLineOptions.Positive(
        "--keyed-every", "about one buyer in N sends an Idempotency-Key and retries unknown answers with it (2: half of them, on every server)");

    /// <summary>The rush command: the tool's root, under which <c>soak</c> and <c>drill</c> hang.</summary>
    public static RootCommand Command { get; } = new("""
        ticketrush-rush — release a rush of buyers at running TicketRush servers and judge the result.
        Every rush is recorded and judged by the history checker (docs/history-checker.md): its table follows each
        rush, and the command exits 3 when a check failed.
        """)
    {
        ServersOption, StrategyOption, StockOption, BuyersOption, AdminKeyOption, ReportOption, WaitingRoomOption, GatewayOption, KeyedEveryOption,
        BuyerKeyOption,
    };

    public static RushOptions Parse(IReadOnlyList<string> args) => CommandLineOptions.Parse(Command, args, From);

    public static RushOptions From(ParseResult result) => new(
        result.GetRequiredValue(ServersOption),
        result.GetRequiredValue(StrategyOption),
        result.GetValue(StockOption),
        result.GetValue(BuyersOption),
        result.GetRequiredValue(AdminKeyOption),
        result.GetRequiredValue(ReportOption),
        result.GetResult(WaitingRoomOption) is null ? null : result.GetValue(WaitingRoomOption),
        result.GetValue(GatewayOption),
        result.GetResult(KeyedEveryOption) is null ? null : result.GetValue(KeyedEveryOption),
        result.GetValue(BuyerKeyOption));
}
