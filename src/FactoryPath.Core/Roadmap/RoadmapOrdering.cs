using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Roadmap;

/// <summary>A guide scenario that closes part of the gap, with its unweighted gain and its shaping weight.</summary>
/// <param name="Basis">How the unweighted gain is made up, e.g. "missing points 7.5 + scene value 26.67".</param>
internal sealed record Candidate(TypicalScenario Scenario, int LibraryIndex, IReadOnlyList<string> Nodes, decimal Points, decimal BaseGain, decimal Weight, LocalizedText Basis)
{
    public decimal Gain => BaseGain * Weight;
}

/// <summary>A candidate in roadmap order; <paramref name="NeededBy"/> is the later scenario a prerequisite was brought forward for.</summary>
internal sealed record Placed(Candidate Candidate, Candidate? NeededBy)
{
    public bool IsPrerequisite => NeededBy is not null;
}

internal static class RoadmapOrdering
{
    /// <summary>
    /// Gain descending, ties by library order; before each scenario, its prerequisites that are candidates and not yet
    /// planned, in <see cref="ScenarioLibrary.PrerequisitesInOrder"/> order (flagged as prerequisites).
    /// </summary>
    public static List<Placed> Order(List<Candidate> candidates, ScenarioLibrary library)
    {
        var byId = candidates.ToDictionary(c => c.Scenario.Id, StringComparer.Ordinal);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Placed>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Gain).ThenBy(c => c.LibraryIndex))
        {
            if (planned.Contains(candidate.Scenario.Id))
            {
                continue;
            }

            foreach (var prerequisite in library.PrerequisitesInOrder(candidate.Scenario.Id))
            {
                // Every unplanned candidate ranks after the current one, so it would not have come yet.
                if (byId.TryGetValue(prerequisite.Id, out var needed) && planned.Add(needed.Scenario.Id))
                {
                    ordered.Add(new Placed(needed, candidate));
                }
            }

            planned.Add(candidate.Scenario.Id);
            ordered.Add(new Placed(candidate, null));
        }

        return ordered;
    }

    /// <summary>Why a step is where it is: brought forward for a later scenario, or its (weighted) gain.</summary>
    public static LocalizedText Why(Placed placed, Weighting weighting)
    {
        var c = placed.Candidate;
        if (placed.NeededBy is { } later)
        {
            return new LocalizedText(
                $"提前：“{later.Scenario.Name.Zh}”需要先完成本场景（本场景自身增益 {Fmt.Points(c.Gain)}）",
                $"Brought forward: “{later.Scenario.Name.En}” needs it first (its own gain is {Fmt.Points(c.Gain)})");
        }

        var moved = weighting.Explain(c.Scenario.Id);
        return moved.En.Length == 0
            ? new LocalizedText($"按增益排序：{Fmt.Points(c.Gain)} = {c.Basis.Zh}", $"Ordered by gain: {Fmt.Points(c.Gain)} = {c.Basis.En}")
            : new LocalizedText($"按增益排序：{Fmt.Points(c.Gain)} = ({c.Basis.Zh}){moved.Zh}", $"Ordered by gain: {Fmt.Points(c.Gain)} = ({c.Basis.En}){moved.En}");
    }

    public static RoadmapCostTotal? Total(IReadOnlyList<RoadmapStep> steps, IScenarioCosts? costs)
    {
        if (costs is null || steps.Count == 0) return null;
        var reach = steps.ToList().FindIndex(s => s.ReachesTarget);
        var counted = reach < 0 ? steps : steps.Take(reach + 1).ToList();
        var priced = counted.Where(s => s.Cost is not null).Select(s => s.Cost!).ToList();
        return new RoadmapCostTotal(priced.Sum(c => c.PriceLowCny), priced.Sum(c => c.PriceHighCny), priced.Sum(c => c.TypicalWeeks), counted.Count, counted.Count - priced.Count);
    }

    public static LocalizedText ReachesText(int order, LevelReached target) => new(
        order == 1 ? $"这一步完成后可达到{target.Name.Zh}" : $"这{ZhCount(order)}步完成后可达到{target.Name.Zh}",
        order == 1 ? $"With this step done, the enterprise reaches {target.Name.En}" : $"With these {order} steps done, the enterprise reaches {target.Name.En}");

    private static string ZhCount(int n) => n switch
    {
        2 => "两",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        7 => "七",
        8 => "八",
        9 => "九",
        10 => "十",
        _ => $" {n} ",
    };
}
