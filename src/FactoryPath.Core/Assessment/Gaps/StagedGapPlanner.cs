namespace FactoryPath.Core.Assessment;

/// <summary>What a staged-rule model still lacks for a level: the requirements below the threshold, closest domains first.</summary>
internal static class StagedGapPlanner
{
    public static NextLevelGap Plan(StagedLevelRule rule, LevelDefinition target, ScoreSheet sheet, IReadOnlyList<StageScore> stages)
    {
        var failing = stages.Where(s => s.Level == target.Number && !s.Met).OrderByDescending(s => s.Score).ToList();
        var steps = new List<GapStep>();
        foreach (var stage in failing)
        {
            var domain = (ModelGroup)sheet.Model.FindNode(stage.DomainId)!;
            var requirements = domain.Children.OfType<RatingQuestion>()
                .Where(r => r.Level == target.Number && sheet.Fraction(r) < rule.Threshold)
                .OrderByDescending(sheet.Fraction);
            steps.AddRange(requirements.Select(r => Step(rule, sheet, domain, r, target)));
        }

        var name = rule.Named(target.Number);
        var summary = failing.Count == 0
            ? new LocalizedText($"{name.Name.Zh}没有可评估的适用要求。", $"{name.Name.En} has no applicable requirement to assess.")
            : new LocalizedText(
                $"距{name.Name.Zh}：{failing.Count} 个能力子域的{name.Name.Zh}要求平均未达 {Fmt.Num(rule.Threshold)}，需提升 {steps.Count} 项要求。",
                $"To reach {name.Name.En}: {failing.Count} sub-domain(s) average below {Fmt.Num(rule.Threshold)} on the level's requirements; {steps.Count} requirement(s) to raise.");
        return new NextLevelGap(name, summary, 0, 0, 0, steps.Count, steps);
    }

    private static GapStep Step(StagedLevelRule rule, ScoreSheet sheet, ModelGroup domain, RatingQuestion requirement, LevelDefinition target)
    {
        var current = requirement.Grade(sheet.AnswerTo(requirement))!;
        var ordered = requirement.Grades.OrderBy(g => g.Fraction).ToList();
        var needed = ordered.First(g => g.Fraction >= rule.Threshold);
        var effort = ordered.IndexOf(needed) - ordered.IndexOf(current);
        var text = new LocalizedText(
            $"{domain.Name.Zh} — {target.Name.Zh}：“{requirement.Name.Zh}”目前为“{current.Label.Zh}”，需至少“{needed.Label.Zh}”",
            $"{domain.Name.En}, {target.Name.En}: \"{requirement.Name.En}\" is now \"{current.Label.En}\"; it needs at least \"{needed.Label.En}\"");
        return new GapStep(GapStepKind.Requirement, requirement.Id, requirement.Name, 0, effort, text);
    }
}
