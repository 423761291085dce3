namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="ProviderInput"/>: text trimmed, credit code normalised, lists without blanks or repeats.</summary>
public sealed record ProviderValues(
    string Name,
    string CreditCode,
    string RegionCode,
    IReadOnlyList<string> RegionsServed,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Certifications,
    int TeamSize,
    string DescriptionZh,
    string DescriptionEn,
    string? Website);
