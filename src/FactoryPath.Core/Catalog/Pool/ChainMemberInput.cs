namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A member of an industrial chain as entered: the enterprise by platform id or by credit code, its role and tier.</summary>
/// <param name="Role">A <see cref="ChainRole"/> name (<c>Leader</c>, <c>Member</c>) or its Chinese name.</param>
/// <param name="Tier">0 for the leader; 1 (direct supplier of the leader) up to 10 for members.</param>
public sealed record ChainMemberInput(Guid? EnterpriseId, string? CreditCode, string? Role, int? Tier);
