using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// Weights that move guide scenarios up or down a roadmap by the enterprise's size class and industry group
/// (data: Roadmap/Data/roadmap-shaping.yaml, loaded by <see cref="RoadmapShapingLoader"/>).
/// </summary>
public sealed class RoadmapShaping
{
    private static readonly Lazy<RoadmapShaping> Embedded = new(LoadEmbeddedResource);

    internal RoadmapShaping(IReadOnlyList<ShapingRule> sizeClasses, IReadOnlyList<IndustryGroupRule> industryGroups)
    {
        SizeClasses = sizeClasses;
        IndustryGroups = industryGroups;
    }

    /// <summary>A shaping that changes nothing.</summary>
    public static RoadmapShaping None { get; } = new([], []);

    public IReadOnlyList<ShapingRule> SizeClasses { get; }

    public IReadOnlyList<IndustryGroupRule> IndustryGroups { get; }

    public ShapingRule? ForSize(SizeClass? size) => size is null ? null : SizeClasses.FirstOrDefault(r => r.Size == size);

    /// <summary>The group of a GB/T 4754 division code (e.g. "26"), or null when the division is in none.</summary>
    public IndustryGroupRule? ForIndustry(string? divisionCode) =>
        divisionCode is null ? null : IndustryGroups.FirstOrDefault(g => g.Divisions.Contains(divisionCode, StringComparer.Ordinal));

    /// <summary>The shaping shipped in this assembly, checked against the shipped scenario library.</summary>
    public static RoadmapShaping LoadEmbedded() => Embedded.Value;

    private static RoadmapShaping LoadEmbeddedResource()
    {
        var result = RoadmapShapingLoader.LoadEmbedded(Catalog.ScenarioLibrary.LoadEmbedded());
        return result.Shaping ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}

/// <summary>Scenario weights for one size class (<see cref="Size"/> set) or one industry group, and why.</summary>
public record ShapingRule(SizeClass? Size, LocalizedText Why, IReadOnlyDictionary<string, decimal> Weights)
{
    public decimal WeightOf(string scenarioId) => Weights.GetValueOrDefault(scenarioId, 1m);
}

/// <summary>A group of GB/T 4754 manufacturing divisions that share scenario weights (e.g. process manufacturing).</summary>
public sealed record IndustryGroupRule(string Id, LocalizedText Name, LocalizedText Why, IReadOnlyList<string> Divisions, IReadOnlyDictionary<string, decimal> Weights)
    : ShapingRule(null, Why, Weights);

/// <summary>A loaded shaping (null on errors) and every error found, in file order.</summary>
public sealed record RoadmapShapingLoadResult(RoadmapShaping? Shaping, IReadOnlyList<ModelError> Errors)
{
    public bool Succeeded => Shaping is not null && Errors.Count == 0;
}
