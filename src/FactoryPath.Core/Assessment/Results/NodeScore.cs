namespace FactoryPath.Core.Assessment;

/// <summary>Score of one node of the scored tree. <paramref name="Kind"/> is "group" or the question kind.</summary>
public sealed record NodeScore(string Id, string? ParentId, int Depth, string Kind, LocalizedText Name, decimal Score, decimal MaxScore, bool NotApplicable);
