using System.Text.Json;
using System.Text.Json.Serialization;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Regional;

public enum IndicatorMethod
{
    /// <summary>Σ numerators ÷ Σ denominators of a band question with a rate.</summary>
    PooledRate,
    /// <summary>Mean over the enterprises of score ÷ maximum.</summary>
    MeanShare,
    /// <summary>Share of the enterprises at or above a share of the maximum (0.25, 0.5, 0.75 or 1).</summary>
    ShareAtLeast,
}

/// <summary>Where a model measures an indicator: a question or scene of the model and how it is computed.</summary>
public sealed record IndicatorSource(string Model, string Kind, string Node, IndicatorMethod Method, double? AtLeast, bool Proxy, LocalizedText Note);

public sealed record IndicatorDefinition(string Id, LocalizedText Name, IReadOnlyList<IndicatorSource> Sources);

/// <summary>
/// The indicator rates of the regional dashboard, read from the embedded data file Region/Indicators/region-indicators.json
/// (which names the model questions and the method of each). The file is checked as it is read; a bad file stops the
/// platform at the first statistics request with the entry at fault, not with a wrong figure.
/// </summary>
public static class RegionIndicators
{
    private const string Resource = "FactoryPath.Web.Region.region-indicators.json";
    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Loaded = new(() =>
    {
        using var stream = typeof(RegionIndicators).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The indicator definitions ({Resource}) are missing from the build.");
        return Parse(stream);
    });

    public static IReadOnlyList<IndicatorDefinition> All => Loaded.Value;

    public static string MethodName(IndicatorMethod method) => method switch
    {
        IndicatorMethod.PooledRate => "pooled-rate",
        IndicatorMethod.MeanShare => "mean-share",
        _ => "share-at-least",
    };

    private sealed record FileText(string? Zh, string? En);
    private sealed record FileSource(string? Model, string? Kind, string? Node, string? Method, double? AtLeast, bool Proxy, FileText? Note);
    private sealed record FileIndicator(string? Id, FileText? Name, List<FileSource>? Sources);
    private sealed record FileRoot(string? About, List<FileIndicator>? Indicators);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads and checks a definitions file; throws <see cref="FormatException"/> naming the entry at fault.</summary>
    public static IReadOnlyList<IndicatorDefinition> Parse(Stream json)
    {
        FileRoot? root;
        try { root = JsonSerializer.Deserialize<FileRoot>(json, Options); }
        catch (JsonException e) { throw new FormatException($"Indicator definitions: {e.Message}", e); }
        if (root?.Indicators is not { Count: > 0 } indicators) throw new FormatException("Indicator definitions: no indicators.");
        var list = new List<IndicatorDefinition>();
        foreach (var (ind, i) in indicators.Select((x, i) => (x, i)))
        {
            var where = $"indicator {i + 1} ({ind.Id ?? "no id"})";
            if (string.IsNullOrWhiteSpace(ind.Id)) throw new FormatException($"Indicator definitions: {where} has no id.");
            if (list.Any(d => d.Id == ind.Id)) throw new FormatException($"Indicator definitions: {where} repeats an id.");
            var name = Text(ind.Name, $"{where}: name");
            if (ind.Sources is not { Count: > 0 }) throw new FormatException($"Indicator definitions: {where} has no sources.");
            var sources = ind.Sources.Select((s, j) =>
            {
                var at = $"{where}, source {j + 1}";
                if (string.IsNullOrWhiteSpace(s.Model) || string.IsNullOrWhiteSpace(s.Node)) throw new FormatException($"Indicator definitions: {at} needs a model and a node.");
                if (s.Kind is not (RegionNodeStat.QuestionKind or RegionNodeStat.SceneKind)) throw new FormatException($"Indicator definitions: {at}: kind is \"{s.Kind}\"; use question or scene.");
                var method = s.Method switch
                {
                    "pooled-rate" => IndicatorMethod.PooledRate,
                    "mean-share" => IndicatorMethod.MeanShare,
                    "share-at-least" => IndicatorMethod.ShareAtLeast,
                    _ => throw new FormatException($"Indicator definitions: {at}: method is \"{s.Method}\"; use pooled-rate, mean-share or share-at-least."),
                };
                if (method == IndicatorMethod.ShareAtLeast && s.AtLeast is not (0.25 or 0.5 or 0.75 or 1.0))
                    throw new FormatException($"Indicator definitions: {at}: share-at-least needs atLeast 0.25, 0.5, 0.75 or 1 (the shares the rollup counts).");
                if (method != IndicatorMethod.ShareAtLeast && s.AtLeast is not null) throw new FormatException($"Indicator definitions: {at}: atLeast belongs to share-at-least only.");
                if (method == IndicatorMethod.PooledRate && s.Kind != RegionNodeStat.QuestionKind) throw new FormatException($"Indicator definitions: {at}: a pooled rate needs a band question.");
                return new IndicatorSource(s.Model.Trim(), s.Kind, s.Node.Trim(), method, s.AtLeast, s.Proxy, Text(s.Note, $"{at}: note"));
            }).ToList();
            list.Add(new IndicatorDefinition(ind.Id.Trim(), name, sources));
        }
        return list;
    }

    private static LocalizedText Text(FileText? text, string where) =>
        text is { Zh: { Length: > 0 } zh, En: { Length: > 0 } en } ? new LocalizedText(zh, en) : throw new FormatException($"Indicator definitions: {where} needs zh and en.");

    /// <summary>Problems of the definitions against the installed models (a node that does not exist, a pooled rate on a question without a rate).</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<IndicatorDefinition> definitions, ModelRegistry models)
    {
        var problems = new List<string>();
        foreach (var d in definitions)
        {
            foreach (var s in d.Sources)
            {
                if (models.Latest(s.Model) is not { } model) { problems.Add($"{d.Id}: model {s.Model} is not installed"); continue; }
                if (s.Kind == RegionNodeStat.SceneKind)
                {
                    if (!model.Scenes.Any(x => x.Id == s.Node)) problems.Add($"{d.Id}: {s.Model} has no scene {s.Node}");
                }
                else if (model.Nodes.FirstOrDefault(x => x.Id == s.Node) is not Question q) problems.Add($"{d.Id}: {s.Model} has no question {s.Node}");
                else if (s.Method == IndicatorMethod.PooledRate && q is not BandQuestion { Rate: not null }) problems.Add($"{d.Id}: {s.Model}/{s.Node} is no band question with a rate");
            }
        }
        return problems;
    }
}
