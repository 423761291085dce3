using System.Globalization;
using System.Text.Json;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>A down-time reason's name in both languages.</summary>
public sealed record ReasonName(string Zh, string En)
{
    public string In(bool chinese) => chinese ? Zh : En;
}

/// <summary>
/// Names of down-time reason codes for the Pareto. The defaults are data (Kpi/Dashboard/Data/down-reasons.json, with
/// its source); a gateway's own names (its YAML's <c>downReasons:</c>) take precedence over them. A code with no name
/// reads "reason 7" / "原因 7".
/// </summary>
public sealed class DownReasonNames
{
    private readonly IReadOnlyDictionary<int, ReasonName> _names;

    public DownReasonNames(IReadOnlyDictionary<int, ReasonName> names) => _names = names;

    public static DownReasonNames Default { get; } = new(LoadDefaults());

    public IReadOnlyDictionary<int, ReasonName> All => _names;

    /// <summary>These names, with <paramref name="overrides"/> taking precedence.</summary>
    public DownReasonNames With(IReadOnlyDictionary<int, ReasonName> overrides)
    {
        var merged = new Dictionary<int, ReasonName>(_names);
        foreach (var (code, name) in overrides) merged[code] = name;
        return new DownReasonNames(merged);
    }

    public string Name(int code, bool chinese) =>
        _names.TryGetValue(code, out var name) ? name.In(chinese)
        : (chinese ? "原因 " : "reason ") + code.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<int, ReasonName> LoadDefaults()
    {
        const string resource = "FactoryPath.Edge.Kpi.Dashboard.Data.down-reasons.json";
        using var stream = typeof(DownReasonNames).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The default down-reason names ({resource}) are missing from the build.");
        var file = JsonSerializer.Deserialize<ReasonFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{resource} is empty.");
        return file.Reasons.ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => r.Value);
    }

    private sealed record ReasonFile(string Source, Dictionary<string, ReasonName> Reasons);
}
