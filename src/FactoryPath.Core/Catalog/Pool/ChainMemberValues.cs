namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="ChainMemberInput"/>; at least one of <see cref="EnterpriseId"/> and <see cref="CreditCode"/> is set.</summary>
public sealed record ChainMemberValues(Guid? EnterpriseId, string? CreditCode, ChainRole Role, int Tier);
