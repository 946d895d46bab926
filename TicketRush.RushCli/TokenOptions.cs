using System.CommandLine;

namespace TicketRush.RushCli;

/// <summary>The <c>token</c> command line: a buyer token for one buyer, for curl and hand-run tools.</summary>
internal sealed record TokenOptions(long User, string? BuyerKey, Uri Server)
{
    private static readonly Option<int> UserOption = Required(CommandLineOptions.Positive("--user", "the buyer id the token authenticates (its sub)"));
    private static readonly Option<string?> BuyerKeyOption = CommandLineOptions.BuyerKey();
    private static readonly Option<Uri?> ServerOption = CommandLineOptions.Url("--url", "without --buyer-key: the server whose development endpoint (POST /api/dev/tokens) mints it; default http://localhost:8080");

    public static Command Command { get; } = new("token", """
        Print a buyer token (JWT) for --user: minted here with --buyer-key, else by a Development server's
        POST /api/dev/tokens. Send it as Authorization: Bearer <token>.
        """)
    {
        UserOption, BuyerKeyOption, ServerOption,
    };

    public static TokenOptions Parse(IReadOnlyList<string> args) => CommandLineOptions.Parse(Command, args, From);

    public static TokenOptions From(ParseResult result) => new(
        result.GetValue(UserOption),
        result.GetValue(BuyerKeyOption),
        result.GetValue(ServerOption) ?? new Uri("http://localhost:8080"));

    private static Option<int> Required(Option<int> option)
    {
        option.Required = true;
        return option;
    }
}
