namespace FactoryPath.Core.Assessment;

/// <summary>For staged models: a domain's mean rating at one level, and whether it met the threshold.</summary>
public sealed record StageScore(int Level, string DomainId, LocalizedText DomainName, decimal Score, decimal Threshold, bool Met);
