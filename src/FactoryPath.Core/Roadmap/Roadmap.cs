using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// An ordered list of typical scenarios that takes an enterprise from its current level towards the next one.
/// <paramref name="Target"/> is null when there is no next level (already at the top) or the model is not supported.
/// </summary>
/// <param name="ShapedBy">What moved the order (size class, industry group), or null when nothing did.</param>
/// <param name="CostToTarget">Typical cost and time of the steps up to the one that reaches the target; null without a cost lookup or steps.</param>
public sealed record Roadmap(
    LevelReached Current,
    LevelReached? Target,
    IReadOnlyList<RoadmapStep> Steps,
    LocalizedText Summary,
    LocalizedText? ShapedBy = null,
    RoadmapCostTotal? CostToTarget = null);

/// <summary>One scenario of a roadmap.</summary>
/// <param name="Order">1-based place in the roadmap.</param>
/// <param name="PointsGain">Missing points of the questions the scenario improves (each question counted in full for every scenario that improves it).</param>
/// <param name="ScenesRaised">Scenes this step lifts to the target scene level, given the steps before it.</param>
/// <param name="IsPrerequisite">Placed here only because a later, higher-gain scenario needs it first.</param>
/// <param name="ReachesTarget">True on the first step after which every threshold of the target level is met.</param>
/// <param name="Effect">What the step does to the score and scenes, or that the target level is reached with it.</param>
/// <param name="RankGain">The gain the order is by: (missing points + scene value, or sub-domain shortfall) × shaping weight.</param>
/// <param name="Why">Why the step is where it is.</param>
/// <param name="Cost">Typical cost and time from fitting solutions; null when there is none yet (or no lookup was given).</param>
/// <param name="Lifts">Staged models: the sub-domains this step brings to the target level's threshold.</param>
public sealed record RoadmapStep(
    int Order,
    string ScenarioId,
    LocalizedText Name,
    decimal PointsGain,
    IReadOnlyList<string> ScenesRaised,
    bool IsPrerequisite,
    bool ReachesTarget,
    LocalizedText Effect,
    decimal RankGain = 0,
    LocalizedText? Why = null,
    ScenarioCost? Cost = null,
    IReadOnlyList<SubDomainLift>? Lifts = null);

/// <summary>A GB/T 39116 sub-domain a step lifts: its mean rating on the target level's requirements, and the threshold.</summary>
public sealed record SubDomainLift(string DomainId, LocalizedText Name, int Level, decimal From, decimal Threshold);
