namespace FactoryPath.Core.Assessment;

/// <summary>What a thresholds-rule model still lacks for a level: points, scenes, constraint scenes.</summary>
internal static class ThresholdGapPlanner
{
    public static NextLevelGap Plan(ThresholdLevelRule rule, LevelThreshold target, ScoreSheet sheet)
    {
        var scoreMissing = Math.Max(0, target.MinScore - sheet.TotalScore);
        var constraintMissing = Math.Max(0, target.MinConstraintScenes - sheet.ScenesAtOrAbove(target.SceneLevel, constraintOnly: true));
        var scenesMissing = Math.Max(0, target.MinScenes - sheet.ScenesAtOrAbove(target.SceneLevel, constraintOnly: false));

        var steps = new List<GapStep>(ScoreGapPlanner.Plan(sheet, scoreMissing));
        steps.AddRange(SceneSteps(sheet, target.SceneLevel, scenesMissing, constraintMissing));

        var name = rule.Named(target.Level);
        return new NextLevelGap(name, Summary(name, target, scoreMissing, scenesMissing, constraintMissing), scoreMissing, scenesMissing, constraintMissing, 0, steps);
    }

    /// <summary>Constraint scenes first while constraint scenes are short; within each, the scenes closest to the target level.</summary>
    private static IEnumerable<GapStep> SceneSteps(ScoreSheet sheet, int sceneLevel, int scenesMissing, int constraintMissing)
    {
        var below = sheet.Model.Scenes
            .Select((scene, order) => (Scene: scene, Order: order, Level: sheet.SceneLevel(scene)))
            .Where(s => s.Level < sceneLevel)
            .OrderByDescending(s => s.Level)
            .ThenBy(s => s.Order)
            .ToList();
        var picked = below.Where(s => s.Scene.Constraint).Take(constraintMissing).ToList();
        var others = below.Except(picked)
            .OrderByDescending(s => s.Level)
            .ThenByDescending(s => s.Scene.Constraint)
            .ThenBy(s => s.Order)
            .Take(Math.Max(0, scenesMissing - picked.Count));
        return picked.Concat(others).Select(s => Step(s.Scene, s.Level, sceneLevel));
    }

    private static GapStep Step(SceneQuestion scene, int from, int to)
    {
        var target = scene.LevelDescriptions.FirstOrDefault(d => d.Level == to)?.Text ?? new LocalizedText(string.Empty, string.Empty);
        var kindZh = scene.Constraint ? "（约束性场景）" : string.Empty;
        var kindEn = scene.Constraint ? " (constraint scene)" : string.Empty;
        var text = new LocalizedText(
            $"把“{scene.Name.Zh}”{kindZh}从 {from} 级提升到 {to} 级：{target.Zh}",
            $"Raise {scene.Name.En}{kindEn} from level {from} to level {to}: {target.En}");
        return new GapStep(GapStepKind.Scene, scene.Id, scene.Name, 0, to - from, text);
    }

    private static LocalizedText Summary(LevelReached name, LevelThreshold target, decimal score, int scenes, int constraint)
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (score > 0)
        {
            zh.Add($"总分还差 {Fmt.Points(score)} 分（需 {Fmt.Points(target.MinScore)} 分）");
            en.Add($"{Fmt.Points(score)} more points (the level needs {Fmt.Points(target.MinScore)})");
        }

        if (scenes > 0 || constraint > 0)
        {
            var count = Math.Max(scenes, constraint);
            zh.Add(constraint > 0
                ? $"还需 {count} 个场景达到 {target.SceneLevel} 级或以上，其中 {constraint} 个须为约束性场景"
                : $"还需 {count} 个场景达到 {target.SceneLevel} 级或以上");
            en.Add(constraint > 0
                ? $"{count} more scene(s) at level {target.SceneLevel} or above, {constraint} of them constraint scenes"
                : $"{count} more scene(s) at level {target.SceneLevel} or above");
        }

        return zh.Count == 0
            ? new LocalizedText($"已满足{name.Name.Zh}的全部条件。", $"All conditions of {name.Name.En} are met.")
            : new LocalizedText($"距{name.Name.Zh}：{string.Join("；", zh)}。", $"To reach {name.Name.En}: {string.Join("; ", en)}.");
    }
}
