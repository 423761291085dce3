using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// An ordered list of typical scenarios that takes an enterprise from its current level towards the next one.
/// <paramref name="Target"/> is null when there is no next level (already at the top) or the model is not supported.
/// </summary>
public sealed record Roadmap(LevelReached Current, LevelReached? Target, IReadOnlyList<RoadmapStep> Steps, LocalizedText Summary);

/// <summary>One scenario of a roadmap.</summary>
/// <param name="Order">1-based place in the roadmap.</param>
/// <param name="PointsGain">Missing points of the questions the scenario improves (each question counted in full for every scenario that improves it).</param>
/// <param name="ScenesRaised">Scenes this step lifts to the target scene level, given the steps before it.</param>
/// <param name="IsPrerequisite">Placed here only because a later, higher-gain scenario needs it first.</param>
/// <param name="ReachesTarget">True on the first step after which every threshold of the target level is met.</param>
/// <param name="Effect">What the step does to the score and scenes, or that the target level is reached with it.</param>
public sealed record RoadmapStep(
    int Order,
    string ScenarioId,
    LocalizedText Name,
    decimal PointsGain,
    IReadOnlyList<string> ScenesRaised,
    bool IsPrerequisite,
    bool ReachesTarget,
    LocalizedText Effect);
