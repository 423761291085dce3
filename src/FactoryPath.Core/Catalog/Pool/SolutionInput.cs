namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A solution as entered, before validation; every field may be missing.</summary>
/// <param name="ProviderId">The offering provider; whether it exists (and may be used by the caller) is checked against the database, not here.</param>
/// <param name="SizeClasses"><see cref="Enterprises.SizeClass"/> names (<c>Small</c>) or Chinese names (<c>小型企业</c>); none means any.</param>
/// <param name="Deployment">A <see cref="DeploymentMode"/> name (<c>Saas</c>, <c>OnPremises</c>, <c>Hybrid</c>) or its Chinese name.</param>
/// <param name="PriceMinCny">Whole yuan.</param>
/// <param name="ImplementationWeeks">Typical time from contract to use, in weeks.</param>
public sealed record SolutionInput(
    Guid? ProviderId,
    string? TitleZh,
    string? TitleEn,
    string? DescriptionZh,
    string? DescriptionEn,
    IReadOnlyList<string?>? Scenarios,
    IReadOnlyList<string?>? Industries,
    IReadOnlyList<string?>? SizeClasses,
    string? Deployment,
    long? PriceMinCny,
    long? PriceMaxCny,
    int? ImplementationWeeks,
    bool Standardised);
