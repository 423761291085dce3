namespace FactoryPath.Core.Assessment;

/// <summary>The level reached; <paramref name="Number"/> 0 means not rated.</summary>
public sealed record LevelReached(int Number, LocalizedText Name);
