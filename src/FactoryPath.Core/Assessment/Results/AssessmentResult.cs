namespace FactoryPath.Core.Assessment;

/// <summary>
/// The outcome of scoring one answer sheet against one model version. It copies every name it shows,
/// so a stored result reads the same after the model is revised.
/// </summary>
public sealed record AssessmentResult(
    string ModelId,
    string ModelVersion,
    LocalizedText ModelName,
    decimal TotalScore,
    decimal MaxScore,
    IReadOnlyList<NodeScore> Nodes,
    IReadOnlyList<SceneResult> Scenes,
    IReadOnlyList<StageScore> Stages,
    LevelReached Level,
    NextLevelGap? NextLevelGap);
