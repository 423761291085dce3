namespace FactoryPath.Core.Assessment;

/// <summary>
/// One step up from the current answer of a question. Steps of a question with the same <see cref="Chain"/>
/// build on each other: <see cref="Effort"/> k needs step k-1 first; <see cref="Points"/> is what this step adds.
/// The text is only formatted for the steps a plan keeps.
/// </summary>
internal sealed class Upgrade(int chain, int effort, decimal points, Func<LocalizedText> describe)
{
    public int Chain { get; } = chain;

    public int Effort { get; } = effort;

    public decimal Points { get; } = points;

    public LocalizedText Text => describe();
}
