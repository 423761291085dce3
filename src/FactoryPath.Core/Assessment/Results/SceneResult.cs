namespace FactoryPath.Core.Assessment;

/// <summary>The level a business scene was rated at (0 = not yet at level 1).</summary>
public sealed record SceneResult(string Id, string GroupId, LocalizedText Name, bool Constraint, int Level, int MaxLevel);
