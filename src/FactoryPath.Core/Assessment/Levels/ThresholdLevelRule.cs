namespace FactoryPath.Core.Assessment;

/// <summary>
/// A level is met when the total score, the number of scenes at or above a scene level, and the number of
/// constraint scenes among them all reach the level's minimums; the highest level met wins.
/// </summary>
public sealed class ThresholdLevelRule : LevelRule
{
    public const string KindName = "thresholds";

    internal ThresholdLevelRule(LocalizedText notRated, IReadOnlyList<LevelDefinition> levels, IReadOnlyList<LevelThreshold> thresholds)
        : base(notRated, levels)
    {
        Thresholds = thresholds.OrderBy(t => t.Level).ToList();
    }

    public override string Kind => KindName;

    /// <summary>The minimums of each level, lowest level first.</summary>
    public IReadOnlyList<LevelThreshold> Thresholds { get; }

    internal static bool IsMet(LevelThreshold threshold, ScoreSheet sheet) =>
        sheet.TotalScore >= threshold.MinScore &&
        sheet.ScenesAtOrAbove(threshold.SceneLevel, constraintOnly: false) >= threshold.MinScenes &&
        sheet.ScenesAtOrAbove(threshold.SceneLevel, constraintOnly: true) >= threshold.MinConstraintScenes;

    internal override LevelOutcome Evaluate(ScoreSheet sheet)
    {
        var reached = Thresholds.Where(t => IsMet(t, sheet)).Select(t => t.Level).DefaultIfEmpty(0).Max();
        var next = Thresholds.FirstOrDefault(t => t.Level > reached);
        var gap = next is null ? null : ThresholdGapPlanner.Plan(this, next, sheet);
        return new LevelOutcome(Named(reached), gap, []);
    }
}

/// <summary>
/// The minimums of one level: total score, number of scenes rated at <paramref name="SceneLevel"/> or higher,
/// and how many of those must be constraint scenes.
/// </summary>
public sealed record LevelThreshold(int Level, decimal MinScore, int MinScenes, int SceneLevel, int MinConstraintScenes);
