namespace FactoryPath.Core.Demands;

/// <summary>A provider's answer to a demand as entered: price in whole yuan, time in weeks, approach, optionally one of its solutions.</summary>
public sealed record ProposalInput(long? PriceCny, int? DurationWeeks, string? Approach, Guid? SolutionId = null);
