namespace FactoryPath.Core.Assessment;

/// <summary>What a business scene looks like at one level (1 = lowest).</summary>
public sealed record SceneLevelDescription(int Level, LocalizedText Text);
