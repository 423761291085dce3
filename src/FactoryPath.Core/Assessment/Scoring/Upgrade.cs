namespace FactoryPath.Core.Assessment;

/// <summary>
/// One step up from the current answer of a question. Steps of a question with the same <see cref="Chain"/>
/// build on each other: <see cref="Effort"/> k needs step k-1 first; <see cref="Points"/> is what this step adds.
/// </summary>
internal sealed record Upgrade(int Chain, int Effort, decimal Points, LocalizedText Text);
