using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// Roadmaps for staged models (GB/T 39116 structure): level L needs every applicable sub-domain to average at least the
/// threshold on its level-L requirements. The gap is the sub-domains below it; a guide scenario that improves a
/// sub-domain (library targets "cmmm-selfcheck/&lt;sub-domain&gt;") is assumed to bring that sub-domain's next-level
/// requirements up to the threshold. The order is a greedy cover: each time, the scenario whose still-short
/// sub-domains add up to the largest shortfall (threshold − mean) × shaping weight comes next, after its unplanned
/// prerequisites among the candidates; ties keep library order. Planning stops once no sub-domain is short, so every
/// step lifts something or is a prerequisite of one that does.
/// </summary>
internal static class StagedRoadmapPlanner
{
    public static Roadmap Plan(AssessmentModel model, StagedLevelRule rule, AssessmentResult result, ScenarioLibrary library, RoadmapOptions options)
    {
        var next = rule.Levels.FirstOrDefault(l => l.Number > result.Level.Number);
        if (next is null)
        {
            return new Roadmap(result.Level, null, [], new LocalizedText(
                $"已达到最高等级（{result.Level.Name.Zh}），无需路线图。",
                $"Already at the top level ({result.Level.Name.En}); no roadmap is needed."));
        }

        var target = rule.Named(next.Number);
        var short_ = result.Stages.Where(s => s.Level == next.Number && !s.Met).ToDictionary(s => s.DomainId, StringComparer.Ordinal);
        var weighting = new Weighting(options);
        var candidates = new List<Candidate>();
        for (var index = 0; index < library.Scenarios.Count; index++)
        {
            var scenario = library.Scenarios[index];
            if (scenario.Source != ScenarioSources.Guide2025) continue;
            var domains = scenario.Improves.Where(t => t.ModelId == model.Id && short_.ContainsKey(t.NodeId)).Select(t => t.NodeId).Distinct(StringComparer.Ordinal).ToList();
            if (domains.Count == 0) continue;
            var shortfall = domains.Sum(d => short_[d].Threshold - short_[d].Score);
            candidates.Add(new Candidate(scenario, index, domains, 0, shortfall, weighting.Of(scenario.Id), Basis(domains, short_)));
        }

        var remaining = new HashSet<string>(short_.Keys, StringComparer.Ordinal);
        var steps = new List<RoadmapStep>();
        foreach (var placed in Cover(candidates, library, remaining, short_, weighting))
        {
            var candidate = placed.Candidate;
            var lifted = candidate.Nodes.Where(remaining.Remove).Select(d => short_[d])
                .Select(s => new SubDomainLift(s.DomainId, s.DomainName, s.Level, RoadmapPlanner.Normalize(Math.Round(s.Score, 4)), s.Threshold)).ToList();
            var reachesNow = remaining.Count == 0;
            var order = steps.Count + 1;
            var effect = reachesNow
                ? RoadmapOrdering.ReachesText(order, target)
                : lifted.Count == 0
                    ? new LocalizedText("为后续场景打基础，本身不提升尚缺的子域", "Lays the ground for a later step; lifts no short sub-domain itself")
                    : new LocalizedText(
                        $"使{string.Join("、", lifted.Select(l => $"“{l.Name.Zh}”"))}达到{target.Name.Zh}要求；还差 {remaining.Count} 个子域",
                        $"Brings {string.Join(", ", lifted.Select(l => l.Name.En))} to the {target.Name.En} requirements; {remaining.Count} sub-domain(s) still short");
            steps.Add(new RoadmapStep(
                order, candidate.Scenario.Id, candidate.Scenario.Name, 0, [], placed.IsPrerequisite, reachesNow, effect,
                RoadmapPlanner.Normalize(Math.Round(candidate.Gain, 4)), RoadmapOrdering.Why(placed, weighting), options.Costs?.Find(candidate.Scenario.Id), lifted));
            if (reachesNow) break;
        }

        return new Roadmap(result.Level, target, steps, Summary(steps, short_, remaining, target), weighting.ShapedBy, RoadmapOrdering.Total(steps, options.Costs));
    }

    /// <summary>Greedy cover of the short sub-domains; a candidate's gain is recomputed against what is still short.</summary>
    private static IEnumerable<Placed> Cover(List<Candidate> candidates, ScenarioLibrary library, HashSet<string> remaining, Dictionary<string, StageScore> short_, Weighting weighting)
    {
        var byId = candidates.ToDictionary(c => c.Scenario.Id, StringComparer.Ordinal);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var open = new HashSet<string>(remaining, StringComparer.Ordinal);
        while (open.Count > 0)
        {
            var best = candidates.Where(c => !planned.Contains(c.Scenario.Id))
                .Select(c => c with { BaseGain = c.Nodes.Where(open.Contains).Sum(d => short_[d].Threshold - short_[d].Score), Basis = Basis(c.Nodes.Where(open.Contains), short_) })
                .Where(c => c.BaseGain > 0)
                .OrderByDescending(c => c.Gain).ThenBy(c => c.LibraryIndex)
                .FirstOrDefault();
            if (best is null) yield break;
            foreach (var prerequisite in library.PrerequisitesInOrder(best.Scenario.Id))
            {
                if (byId.TryGetValue(prerequisite.Id, out var needed) && planned.Add(needed.Scenario.Id))
                {
                    var current = needed with { BaseGain = needed.Nodes.Where(open.Contains).Sum(d => short_[d].Threshold - short_[d].Score), Basis = Basis(needed.Nodes.Where(open.Contains), short_) };
                    open.ExceptWith(needed.Nodes);
                    yield return new Placed(current, best);
                }
            }

            planned.Add(best.Scenario.Id);
            open.ExceptWith(best.Nodes);
            yield return new Placed(best, null);
        }
    }

    private static LocalizedText Basis(IEnumerable<string> domains, Dictionary<string, StageScore> short_)
    {
        var parts = domains.Select(d => $"{Fmt.Points(short_[d].Threshold - short_[d].Score)}").ToList();
        var sum = parts.Count == 0 ? "0" : string.Join(" + ", parts);
        return new LocalizedText($"尚缺子域差距 {sum}", $"shortfall of still-short sub-domains {sum}");
    }

    private static LocalizedText Summary(List<RoadmapStep> steps, Dictionary<string, StageScore> short_, HashSet<string> remaining, LevelReached target)
    {
        if (short_.Count == 0)
        {
            return new LocalizedText($"{target.Name.Zh}没有可评估的适用要求。", $"{target.Name.En} has no applicable requirement to assess.");
        }

        if (steps.FirstOrDefault(s => s.ReachesTarget) is { } reaching)
        {
            return new LocalizedText(
                $"{short_.Count} 个能力子域未达{target.Name.Zh}要求；共 {steps.Count} 个场景，按顺序完成前 {reaching.Order} 步即可达到{target.Name.Zh}。",
                $"{short_.Count} sub-domain(s) are below the {target.Name.En} requirements; {steps.Count} scenario(s); the first {reaching.Order} step(s) in order reach {target.Name.En}.");
        }

        var names = remaining.Select(d => short_[d].DomainName).ToList();
        return new LocalizedText(
            $"场景库中没有场景改进{string.Join("、", names.Select(n => $"“{n.Zh}”"))}，需场景库以外的改进才能达到{target.Name.Zh}。",
            $"No scenario in the library improves {string.Join(", ", names.Select(n => n.En))}, so improvements outside the library are needed to reach {target.Name.En}.");
    }
}
