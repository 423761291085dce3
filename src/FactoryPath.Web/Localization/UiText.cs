using System.Globalization;
using System.Text.Json;

namespace FactoryPath.Web.Localization;

/// <summary>
/// The interface texts in zh-CN and en, read from the embedded ui-text.json (key → {zh, en}).
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
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream("FactoryPath.Web.Localization.ui-text.json")
            ?? throw new InvalidOperationException("The interface texts (ui-text.json) are missing from the build.");
        var map = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("ui-text.json is empty.");
        foreach (var (key, e) in map)
        {
            if (string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En))
                throw new InvalidOperationException($"ui-text.json: '{key}' needs both a zh and an en text.");
        }
        return map;
    }

    private sealed record Entry(string Zh, string En);
}
