namespace FactoryPath.Core.Assessment;

/// <summary>What is still missing for the next level, with the steps that would close it, cheapest first.</summary>
/// <param name="ScoreMissing">Points still missing to the level's score threshold (0 when met).</param>
/// <param name="ScenesMissing">How many more scenes must reach the level's scene level (0 when met).</param>
/// <param name="ConstraintScenesMissing">How many of those must be constraint scenes (0 when met).</param>
/// <param name="RequirementsMissing">For staged models: requirements of the level still below the threshold.</param>
public sealed record NextLevelGap(
    LevelReached Target,
    LocalizedText Summary,
    decimal ScoreMissing,
    int ScenesMissing,
    int ConstraintScenesMissing,
    int RequirementsMissing,
    IReadOnlyList<GapStep> Steps);
