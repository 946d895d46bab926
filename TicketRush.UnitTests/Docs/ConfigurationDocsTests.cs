using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Docs;

/// <summary>
/// docs/configuration.md is what a newcomer trusts: every API setting (a property of an options class with a
/// <c>SectionName</c>) is listed there, and the default it states is the one the class has.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Documented = new(ReadDocumentedDefaults);

    public static TheoryData<string> Settings()
    {
        var data = new TheoryData<string>();
        foreach (var setting in ApiSettings().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(setting);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_api_setting_is_documented_with_its_real_default(string key)
    {
        Assert.True(Documented.Value.TryGetValue(key, out var documented), $"{key} is missing from docs/configuration.md");

        var property = ApiSettings()[key];
        var actual = property.GetValue(Activator.CreateInstance(property.DeclaringType!));
        if (DescribesAValue(documented))
        {
            Assert.True(Same(actual, documented), $"docs/configuration.md says {key} defaults to '{documented}'; the options class says '{Format(actual)}'");
        }
    }

    /// <summary>Each settable property of each options class, by its configuration key; nested windows by their parent's.</summary>
    private static Dictionary<string, PropertyInfo> ApiSettings() =>
        typeof(PurchaseOptions).Assembly.GetTypes()
            .Select(type => (type, section: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(entry => entry.section is not null && entry.type.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(entry => entry.type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanWrite)
                .Select(property => (key: $"{entry.section}:{property.Name}", property)))
            .ToDictionary(entry => entry.key, entry => entry.property);

    /// <summary>Key → default text from the table rows; a row may list <c>`A:B:C`, `D`</c> with defaults <c>x, y</c>.</summary>
    private static Dictionary<string, string> ReadDocumentedDefaults()
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "configuration.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith('`'))
            {
                continue;
            }

            var keys = BacktickedNames().Matches(cells[1]).Select(match => match.Groups[1].Value).ToList();
            var values = cells[2].Split(", ");
            var prefix = "";
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i].Contains(':') ? keys[i] : prefix + keys[i];
                prefix = key[..(key.LastIndexOf(':') + 1)];
                defaults[key] = values.Length == keys.Count ? values[i].Trim('`') : cells[2];
            }
        }

        return defaults;
    }

    // A default stated in words ("(the AppHost's secret)", "2,000 / 1 s" for a window) is checked for presence only.
    private static bool DescribesAValue(string documented) => !documented.StartsWith('(') && !documented.Contains(" / ");

    private static bool Same(object? actual, string documented) => actual switch
    {
        TimeSpan span => ParseSpan(documented) == span,
        bool flag => documented == (flag ? "true" : "false"),
        int or long or double => decimal.TryParse(documented, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number == Convert.ToDecimal(actual, CultureInfo.InvariantCulture),
        string text => documented == text,
        null => documented is "none" or "",
        System.Collections.IEnumerable items => documented == "none" ? !items.Cast<object>().Any() : documented == string.Join(", ", items.Cast<object>()),
        _ => true,
    };

    private static TimeSpan? ParseSpan(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "min" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketRush.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("TicketRush.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([A-Za-z:]+)`")]
    private static partial Regex BacktickedNames();

    [GeneratedRegex(@"^([0-9.]+) (ms|s|min|h)$")]
    private static partial Regex Duration();
}
