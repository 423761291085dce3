namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="ChainInput"/> with exactly one leader among its members.</summary>
public sealed record ChainValues(
    string NameZh,
    string NameEn,
    string DescriptionZh,
    string DescriptionEn,
    IReadOnlyList<string> Industries,
    string RegionCode,
    IReadOnlyList<ChainMemberValues> Members);
