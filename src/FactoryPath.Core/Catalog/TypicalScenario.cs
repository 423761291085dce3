using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog;

/// <summary>
/// A typical digitalisation scenario: what it is, which assessment questions or scenes it improves, and which
/// scenarios should be in place first. <paramref name="LinkId"/> is null for scenarios outside the guide's links
/// (the SME business scenes, whose grouping lives in the assessment model). <paramref name="Constraint"/> marks a
/// constraint scene (约束性场景) of the SME evaluation.
/// </summary>
public sealed record TypicalScenario(
    string Id,
    string? LinkId,
    LocalizedText Name,
    LocalizedText Summary,
    string Source,
    IReadOnlyList<AssessmentTarget> Improves,
    IReadOnlyList<string> Prerequisites,
    bool Constraint);
