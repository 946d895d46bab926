using System.Text.RegularExpressions;

namespace TicketRush.UnitTests.Architecture;

/// <summary>
/// The API's folders ("rooms") are layered, and a room may use only rooms below it: a feature never reaches up into
/// the features built on it, so each room can be read with only what is under it in mind. A source scan of
/// <c>using TicketRush.Api.X</c> directives and qualified <c>TicketRush.Api.X.</c> names keeps it true.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>Top to bottom; rooms on one line are peers and may not use each other.</summary>
    private static readonly string[][] Layers =
    [
        ["(root)"],                       // Program.cs: wires every feature
        ["Orders", "Tickets", "Replication"], // the endpoints buyers and admins call
        ["WaitingRoom"],                  // the line in front of a sale
        ["Buyers", "Idempotency", "RateLimiting"], // what guards a purchase request: who the buyer is, replays, limits
        ["Purchasing"],                   // the purchase service and its strategies
        ["Catalog"],                      // the tickets on sale: strategy, waiting-room rules, sold-out memory
        ["Faults", "Data"],               // drill hooks; the schema and the database connection
        ["Admin", "Servers", "Problems", "Endpoints"],
        ["Dependencies", "Logging"],      // dependency failures and the words a 503 uses; log throttling
    ];

    [Fact]
    public void Every_folder_of_the_api_has_a_place_in_the_layers()
    {
        var placed = Layers.SelectMany(layer => layer).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(ApiRoot())
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "Properties"))
            .Where(name => Directory.EnumerateFiles(Path.Combine(ApiRoot(), name!), "*.cs", SearchOption.AllDirectories).Any());
        var unplaced = folders.Where(folder => !placed.Contains(folder!)).ToList();
        Assert.True(unplaced.Count == 0, $"Give these folders a layer in {nameof(FolderDependencyTests)}: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void No_folder_of_the_api_uses_a_folder_above_it_or_beside_it()
    {
        var rank = Layers.SelectMany((layer, index) => layer.Select(room => (room, index))).ToDictionary(entry => entry.room, entry => entry.index);
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ApiRoot(), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ApiRoot(), file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var room = relative.Contains(Path.DirectorySeparatorChar) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar)] : "(root)";
            if (!rank.TryGetValue(room, out var own))
            {
                continue; // reported by the other test
            }

            var used = ApiNamespace().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value).Where(rank.ContainsKey).Distinct();
            violations.AddRange(used
                .Where(other => other != room && rank[other] <= own)
                .Select(other => $"{relative} ({room}) uses {other}, which is {(rank[other] == own ? "beside" : "above")} it"));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static string ApiRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var api = Path.Combine(directory.FullName, "TicketRush.Api");
            if (File.Exists(Path.Combine(directory.FullName, "TicketRush.sln")) && Directory.Exists(api))
            {
                return api;
            }
        }

        throw new DirectoryNotFoundException("TicketRush.Api not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bTicketRush\.Api\.([A-Za-z]+)\b")]
    private static partial Regex ApiNamespace();
}
