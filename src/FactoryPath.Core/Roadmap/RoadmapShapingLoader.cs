using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Roadmap;

/// <summary>Loads and checks a roadmap shaping file, reporting every problem as file:line:column.</summary>
public static class RoadmapShapingLoader
{
    internal const string EmbeddedResource = "FactoryPath.Core.Roadmap.Data.roadmap-shaping.yaml";

    /// <summary>Largest weight a scenario may carry; a weight must be above 0.</summary>
    public const decimal MaxWeight = 3m;

    public static RoadmapShapingLoadResult LoadEmbedded(ScenarioLibrary library)
    {
        using var stream = typeof(RoadmapShaping).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"Embedded resource '{EmbeddedResource}' is missing.");
        using var reader = new StreamReader(stream);
        return LoadText(reader.ReadToEnd(), "roadmap-shaping.yaml", library);
    }

    /// <summary>Reads shaping from YAML text; every scenario must be a guide scenario of <paramref name="library"/>.</summary>
    public static RoadmapShapingLoadResult LoadText(string yamlText, string fileName, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(library);
        if (YamlReader.Load(yamlText, fileName, out var syntax) is not { } stream)
        {
            return new(null, [syntax!]);
        }

        if (stream.Documents.Count != 1)
        {
            return new(null, [new ModelError(fileName, 1, 1, "a shaping file holds exactly one YAML document")]);
        }

        var yaml = new YamlReader(fileName);
        if (yaml.Mapping(stream.Documents[0].RootNode, "the shaping file") is not { } root)
        {
            return new(null, yaml.Errors);
        }

        yaml.OnlyKeys(root, "the shaping file", "sizeClasses", "industryGroups");
        var sizes = new List<ShapingRule>();
        foreach (var node in yaml.Sequence(root, "sizeClasses", "the shaping file"))
        {
            if (yaml.Mapping(node, "a size class") is not { } map) continue;
            yaml.OnlyKeys(map, "a size class", "size", "why", "weights");
            var text = yaml.String(map, "size", "a size class");
            var what = $"size class '{text}'";
            var why = yaml.Text(map, "why", what);
            var weights = Weights(yaml, map, what, library);
            if (text is null) continue;
            if (!Enum.TryParse<SizeClass>(text, ignoreCase: true, out var size) || int.TryParse(text, out _))
            {
                yaml.Error(yaml.Node(map, "size")!, $"unknown size class '{text}' (use micro, small, medium or large)");
            }
            else if (sizes.Any(s => s.Size == size))
            {
                yaml.Error(yaml.Node(map, "size")!, $"size class '{text}' is listed twice");
            }
            else if (why is not null)
            {
                sizes.Add(new ShapingRule(size, why, weights));
            }
        }

        var groups = new List<IndustryGroupRule>();
        var divisionOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in yaml.Sequence(root, "industryGroups", "the shaping file"))
        {
            if (yaml.Mapping(node, "an industry group") is not { } map) continue;
            yaml.OnlyKeys(map, "an industry group", "id", "name", "why", "divisions", "weights");
            var id = yaml.Id(map, "an industry group");
            var what = $"industry group '{id}'";
            var name = yaml.Text(map, "name", what);
            var why = yaml.Text(map, "why", what);
            var weights = Weights(yaml, map, what, library);
            var divisions = new List<string>();
            foreach (var item in yaml.Sequence(map, "divisions", what))
            {
                var code = (item as YamlScalarNode)?.Value?.Trim();
                if (code is null || IndustryCatalog.Find(code) is not { Level: IndustryLevel.Division, IsManufacturing: true })
                {
                    yaml.Error(item, $"{what}: '{code}' is not a GB/T 4754-2017 manufacturing division code");
                }
                else if (divisionOwner.TryGetValue(code, out var owner))
                {
                    yaml.Error(item, $"{what}: division {code} is already in group '{owner}'");
                }
                else
                {
                    divisionOwner[code] = id ?? "?";
                    divisions.Add(code);
                }
            }

            if (id is not null && groups.Any(g => g.Id == id))
            {
                yaml.Error(yaml.Node(map, "id")!, $"industry group id '{id}' is used twice");
            }
            else if (id is not null && name is not null && why is not null)
            {
                groups.Add(new IndustryGroupRule(id, name, why, divisions, weights));
            }
        }

        var errors = yaml.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new(errors.Count == 0 ? new RoadmapShaping(sizes, groups) : null, errors);
    }

    private static Dictionary<string, decimal> Weights(YamlReader yaml, YamlMappingNode map, string what, ScenarioLibrary library)
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (yaml.Node(map, "weights") is not { } node) return weights;
        if (yaml.Mapping(node, $"{what}: weights") is not { } pairs) return weights;
        foreach (var (key, value) in pairs.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? "";
            if (library.Find(id) is not { Source: ScenarioSources.Guide2025 })
            {
                yaml.Error(key, $"{what}: '{id}' is not a guide scenario of the scenario library");
                continue;
            }

            if (value is not YamlScalarNode { Value: { } text } ||
                !decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) ||
                weight <= 0 || weight > MaxWeight)
            {
                yaml.Error(value, $"{what}: the weight of '{id}' must be a number above 0 and at most {MaxWeight}");
                continue;
            }

            weights[id] = weight;
        }

        return weights;
    }
}
