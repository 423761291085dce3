using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Roadmap;

/// <summary>The shaping rules that apply to one enterprise: its size class and, when its division is in one, its industry group.</summary>
internal sealed class Weighting
{
    private readonly List<ShapingRule> _rules = [];

    public Weighting(RoadmapOptions options)
    {
        var shaping = options.Shaping ?? RoadmapShaping.None;
        if (shaping.ForSize(options.SizeClass) is { } size) _rules.Add(size);
        if (shaping.ForIndustry(options.IndustryCode) is { } industry) _rules.Add(industry);
        if (_rules.Count > 0)
        {
            var zh = new List<string>();
            var en = new List<string>();
            if (options.SizeClass is { } s && _rules.Any(r => r.Size == s)) { zh.Add(s.Zh()); en.Add(s.En().ToLowerInvariant()); }
            if (_rules.OfType<IndustryGroupRule>().FirstOrDefault() is { } g) { zh.Add(g.Name.Zh); en.Add(g.Name.En.ToLowerInvariant()); }
            ShapedBy = new LocalizedText($"已按{string.Join("、", zh)}调整顺序。", $"Order adjusted for: {string.Join(", ", en)}.");
        }
    }

    public LocalizedText? ShapedBy { get; }

    public decimal Of(string scenarioId) => _rules.Aggregate(1m, (w, r) => w * r.WeightOf(scenarioId));

    /// <summary>" × 1.5（why）" for every rule that moves the scenario.</summary>
    public LocalizedText Explain(string scenarioId)
    {
        var moving = _rules.Where(r => r.WeightOf(scenarioId) != 1m).ToList();
        return new LocalizedText(
            string.Concat(moving.Select(r => $" × {Fmt.Num(r.WeightOf(scenarioId))}（{r.Why.Zh}）")),
            string.Concat(moving.Select(r => $" × {Fmt.Num(r.WeightOf(scenarioId))} ({r.Why.En})")));
    }
}
