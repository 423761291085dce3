using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>
/// The evidence maps of the installed models, read from <c>models/evidence/*.yaml</c> (one file per model id) and
/// checked against every installed version of that model.
/// </summary>
public sealed class EvidenceMaps(IReadOnlyList<EvidenceMap> maps)
{
    public static EvidenceMaps None { get; } = new([]);

    public IReadOnlyList<EvidenceMap> All => maps;

    public EvidenceMap? For(string modelId) => maps.FirstOrDefault(m => m.ModelId == modelId);

    /// <summary>Loads the folder (absent: no maps); returns the errors as <c>file:line:column: message</c>.</summary>
    public static (EvidenceMaps Maps, IReadOnlyList<string> Errors) LoadDirectory(string directory, ModelRegistry models)
    {
        if (!Directory.Exists(directory)) return (None, []);
        var loaded = new List<EvidenceMap>();
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (map, fileErrors) = Parse(File.ReadAllText(file), file, models);
            errors.AddRange(fileErrors);
            if (map is null) continue;
            if (loaded.Any(m => m.ModelId == map.ModelId)) errors.Add($"{file}:1:1: model '{map.ModelId}' already has an evidence map");
            else loaded.Add(map);
        }
        return (new EvidenceMaps(loaded), errors);
    }

    public static (EvidenceMap? Map, IReadOnlyList<string> Errors) Parse(string yaml, string file, ModelRegistry models)
    {
        var errors = new List<string>();
        void Error(YamlNode node, string message) => errors.Add($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return (null, [$"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}"]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // malformed text YamlDotNet refuses without a YamlException or a position (a NUL before a key, an unclosed flow mapping)
            return (null, [$"{file}:1:1: not valid YAML: the text ends inside a bracket, quote or key, or holds a character YAML does not allow"]);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return (null, [$"{file}:1:1: an evidence map is one YAML mapping with 'model' and 'questions'"]);

        foreach (var key in root.Children.Keys.Where(k => Text(k) is not ("model" or "questions"))) Error(key, $"unknown key '{Text(key)}' (expected model, questions)");
        var modelId = root.Children.TryGetValue("model", out var m) ? Text(m) : null;
        var versions = modelId is null ? [] : models.VersionsOf(modelId);
        if (modelId is null) { errors.Add($"{file}:1:1: 'model' (the model id) is required"); return (null, errors); }
        if (versions.Count == 0) { Error(m!, $"no installed model has the id '{modelId}'"); return (null, errors); }
        if (!root.Children.TryGetValue("questions", out var q) || q is not YamlMappingNode questions)
        {
            errors.Add($"{file}:1:1: 'questions' (question id → inputs or options) is required");
            return (null, errors);
        }

        var bindings = new List<QuestionBinding>();
        foreach (var (idNode, body) in questions.Children)
        {
            var id = Text(idNode) ?? "";
            var kinds = versions.Select(v => v.FindQuestion(id)).ToList();
            if (kinds.Any(k => k is null)) { Error(idNode, $"question '{id}' is missing from {string.Join(", ", versions.Where(v => v.FindQuestion(id) is null))}"); continue; }
            if (body is not YamlMappingNode spec || spec.Children.Count != 1) { Error(body, "give either 'inputs' (band question) or 'options' (multiple choice)"); continue; }
            var (kindNode, entries) = spec.Children.Single();
            if (entries is not YamlMappingNode list || list.Children.Count == 0) { Error(entries, "expected a non-empty mapping"); continue; }
            switch (Text(kindNode))
            {
                case "inputs" when kinds.All(k => k is BandQuestion):
                    var inputs = new List<(string, EquipmentMeasure)>();
                    foreach (var (inputNode, measureNode) in list.Children)
                    {
                        var input = Text(inputNode) ?? "";
                        if (kinds.Cast<BandQuestion>().Any(b => b.Inputs.All(i => i.Id != input))) Error(inputNode, $"question '{id}' has no input '{input}'");
                        else if (input == EvidenceStamp.ReasonField) Error(inputNode, $"an input named '{input}' would clash with the override reason's field");
                        else if (Measure(Text(measureNode)) is { } measure) inputs.Add((input, measure));
                        else Error(measureNode, $"unknown figure '{Text(measureNode)}' (expected equipment.total, equipment.digital or equipment.networked)");
                    }
                    bindings.Add(new BandBinding(id, inputs));
                    break;
                case "options" when kinds.All(k => k is MultiChoiceQuestion):
                    var options = new List<(string, IReadOnlySet<TagRole>)>();
                    foreach (var (keyNode, rolesNode) in list.Children)
                    {
                        var key = Text(keyNode) ?? "";
                        if (kinds.Cast<MultiChoiceQuestion>().Any(c => c.Options.All(o => o.Key != key))) { Error(keyNode, $"question '{id}' has no option '{key}'"); continue; }
                        if (kinds.Cast<MultiChoiceQuestion>().Any(c => c.Options.First(o => o.Key == key).Exclusive)) { Error(keyNode, $"option '{key}' is the exclusive 'none' option; live data never ticks it"); continue; }
                        if (rolesNode is not YamlSequenceNode roles || roles.Children.Count == 0) { Error(rolesNode, "expected a list of tag roles"); continue; }
                        var set = new HashSet<TagRole>();
                        foreach (var r in roles.Children)
                        {
                            if (TagRoles.Parse(Text(r) ?? "") is { } role) set.Add(role);
                            else Error(r, $"unknown tag role '{Text(r)}' (expected one of {string.Join(", ", TagRoles.Names)})");
                        }
                        options.Add((key, set));
                    }
                    bindings.Add(new OptionsBinding(id, options));
                    break;
                default:
                    Error(kindNode, $"question '{id}' is a {kinds[0]!.Kind} question: band questions take 'inputs', multiple-choice questions 'options'");
                    break;
            }
        }
        return errors.Count > 0 ? (null, errors) : (new EvidenceMap(modelId, bindings), errors);
    }

    private static string? Text(YamlNode node) => node is YamlScalarNode s ? s.Value : null;

    private static EquipmentMeasure? Measure(string? text) => text switch
    {
        "equipment.total" => EquipmentMeasure.Total,
        "equipment.digital" => EquipmentMeasure.Digital,
        "equipment.networked" => EquipmentMeasure.Networked,
        _ => null,
    };
}
