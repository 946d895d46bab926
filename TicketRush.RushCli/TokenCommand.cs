using TicketRush.Rush;

namespace TicketRush.RushCli;

/// <summary><c>token</c>: prints one buyer's token.</summary>
internal static class TokenCommand
{
    public static async Task<int> RunAsync(TokenOptions options)
    {
        if (options.BuyerKey is { } key)
        {
            Console.WriteLine(new BuyerTokens(key).For(options.User));
            return 0;
        }

        using var server = RushRunner.CreateClient(options.Server);
        try
        {
            Console.WriteLine((await server.IssueDevTokenAsync(options.User)).Token);
            return 0;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"{options.Server} did not mint a token ({exception.Message}): it mints only in Development; or pass --buyer-key.");
            return 1;
        }
    }
}
