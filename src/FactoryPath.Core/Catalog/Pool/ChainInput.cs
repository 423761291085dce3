namespace FactoryPath.Core.Catalog.Pool;

/// <summary>An industrial chain as entered, before validation; every field may be missing.</summary>
/// <param name="RegionCode">GB/T 2260 code of the region the chain is organised in.</param>
public sealed record ChainInput(
    string? NameZh,
    string? NameEn,
    string? DescriptionZh,
    string? DescriptionEn,
    IReadOnlyList<string?>? Industries,
    string? RegionCode,
    IReadOnlyList<ChainMemberInput>? Members);
