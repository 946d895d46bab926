using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TicketRush.Rush.CommandLine;

/// <summary>
/// The options every command of the rush CLI and the bench shares, built the same way, and the one way a command line
/// becomes options: <c>--help</c>, errors that name the option, exit code 2 for a command line that does not parse.
/// </summary>
public static class CommandLineOptions
{
    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int BadUsage = 2;

    public static Option<IReadOnlyList<Uri>> Servers(string defaults = "http://localhost:8080,http://localhost:8081") => new("--servers")
    {
        Description = "servers, comma-separated; buyers are split evenly over them",
        HelpName = "URL[,URL...]",
        DefaultValueFactory = _ => ParseUrls(defaults),
        CustomParser = result =>
        {
            try
            {
                return ParseUrls(result.Tokens.Single().Value);
            }
            catch (UriFormatException)
            {
                result.AddError($"--servers takes absolute URLs separated by commas, not '{result.Tokens.Single().Value}'.");
                return [];
            }
        },
    };

    public static Option<Uri?> Url(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "URL",
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url)
            ? url
            : Fail<Uri?>(result, $"{name} takes an absolute URL, not '{result.Tokens.Single().Value}'.", null),
    };

    public static Option<int> Positive(string name, int defaultValue, string description) => Positive(name, description, () => defaultValue);

    public static Option<int> Positive(string name, string description, Func<int>? defaultValue = null, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N" };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue();
        }

        option.CustomParser = result =>
            int.TryParse(result.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max
                ? n
                : Fail(result, max == int.MaxValue ? $"{name} takes a positive whole number." : $"{name} takes a whole number from 1 to {max}.", 0);
        return option;
    }

    public static Option<string> Text(string name, string defaultValue, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>The servers' buyer-token key: each buyer's token is then minted here; without it buyers send none (enough in <c>lab</c> mode).</summary>
    public static Option<string?> BuyerKey() => new("--buyer-key")
    {
        Description = "the servers' buyer-token key (start the AppHost with --Parameters:buyer-token-key=KEY): every buyer sends a token minted here; without it buyers send none, which only Buyers:Authentication=lab accepts",
        HelpName = "KEY",
    };

    /// <summary>Clients for <paramref name="urls"/>; with <paramref name="buyerKey"/>, each buyer's requests carry that buyer's token.</summary>
    public static List<HttpClient> Clients(IEnumerable<Uri> urls, string? buyerKey)
    {
        var buyers = buyerKey is null ? null : new BuyerTokens(buyerKey);
        return [.. urls.Select(url => RushRunner.CreateClient(url, buyers))];
    }

    public static Option<string> AdminKey() => Text("--admin-key", TicketRushClient.DevelopmentAdminKey, "X-Admin-Key for creating tickets", "KEY");

    /// <summary>
    /// Null when <paramref name="parsed"/> asks for a run; otherwise the exit code, once the help (0) or the errors and
    /// where to read the help (<see cref="BadUsage"/>) are printed.
    /// </summary>
    public static int? HelpOrErrors(ParseResult parsed)
    {
        if (parsed.Action is HelpAction)
        {
            return parsed.Invoke();
        }

        if (parsed.Errors.Count == 0)
        {
            return null;
        }

        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }

        Console.Error.WriteLine($"See {parsed.CommandResult.Command.Name} --help.");
        return BadUsage;
    }

    /// <summary>Parses <paramref name="args"/> for <paramref name="command"/>; every error (unknown option, bad value) is an <see cref="ArgumentException"/> naming it.</summary>
    public static T Parse<T>(Command command, IReadOnlyList<string> args, Func<ParseResult, T> read)
    {
        var result = command.Parse(args);
        return result.Errors.Count == 0 ? read(result) : throw new ArgumentException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
    }

    public static T Fail<T>(ArgumentResult result, string message, T placeholder)
    {
        result.AddError(message);
        return placeholder;
    }

    private static IReadOnlyList<Uri> ParseUrls(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => new Uri(url, UriKind.Absolute))];
}
