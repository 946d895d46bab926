using System.Globalization;

namespace TicketRush.RushCli;

/// <summary><c>--name value</c> pairs from the command line; each read removes its option, so leftovers are unknown options.</summary>
internal sealed class OptionValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public OptionValues(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            }

            _values[args[i][2..]] = args[i + 1];
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Get(string name, string fallback) => _values.Remove(name, out var value) ? value : fallback;

    public int GetPositive(string name, int fallback) =>
        int.TryParse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"--{name} takes a positive whole number.");

    public IReadOnlyList<Uri> GetServers() =>
        [.. Get("servers", "http://localhost:8080,http://localhost:8081").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url))];

    /// <summary>Throws when an option was given that no one read.</summary>
    public void EnsureAllRead()
    {
        if (_values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", _values.Keys.Select(k => "--" + k))}.");
        }
    }
}
