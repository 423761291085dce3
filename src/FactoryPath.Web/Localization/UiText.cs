using System.Globalization;
using System.Text.Json;

namespace FactoryPath.Web.Localization;

/// <summary>
/// The interface texts in zh-CN and en, read from the embedded Localization/Text/*.json files (key → {zh, en}),
/// one file per area of the platform; a key may be defined only once across them.
/// A missing key shows the key itself so a gap is visible instead of an empty label.
/// </summary>
public sealed class UiText
{
    private readonly IReadOnlyDictionary<string, Entry> _entries;

    public UiText() => _entries = Load();

    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    public string Get(string key, CultureInfo culture) =>
        _entries.TryGetValue(key, out var e) ? (IsChinese(culture) ? e.Zh : e.En) : key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public bool Has(string key) => _entries.ContainsKey(key);

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static bool IsChinese() => IsChinese(CultureInfo.CurrentUICulture);

    /// <summary>Picks the zh or en variant for the current UI culture.</summary>
    public static string Pick(string zh, string en) => IsChinese() ? zh : en;

    private static Dictionary<string, Entry> Load()
    {
        const string prefix = "FactoryPath.Web.Localization.Text.";
        var assembly = typeof(UiText).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidOperationException("The interface texts (Localization/Text/*.json) are missing from the build.");
        var all = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var map = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new InvalidOperationException($"{file} is empty.");
            foreach (var (key, e) in map)
            {
                if (string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En))
                    throw new InvalidOperationException($"{file}: '{key}' needs both a zh and an en text.");
                if (!all.TryAdd(key, e))
                    throw new InvalidOperationException($"{file}: '{key}' is already defined in another interface text file.");
            }
        }
        return all;
    }

    private sealed record Entry(string Zh, string En);
}
