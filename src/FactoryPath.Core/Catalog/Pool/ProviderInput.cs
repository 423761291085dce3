namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A service provider as entered (form, API or import row), before validation; every field may be missing.</summary>
/// <param name="RegionCode">GB/T 2260 code of the head office.</param>
/// <param name="RegionsServed">GB/T 2260 codes; none means nationwide.</param>
/// <param name="Industries">GB/T 4754-2017 division codes; none means any manufacturing division.</param>
/// <param name="Scenarios">Ids from the typical scenario library.</param>
public sealed record ProviderInput(
    string? Name,
    string? CreditCode,
    string? RegionCode,
    IReadOnlyList<string?>? RegionsServed,
    IReadOnlyList<string?>? Industries,
    IReadOnlyList<string?>? Scenarios,
    IReadOnlyList<string?>? Certifications,
    int? TeamSize,
    string? DescriptionZh,
    string? DescriptionEn,
    string? Website);
