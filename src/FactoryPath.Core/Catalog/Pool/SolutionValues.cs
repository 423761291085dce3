using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="SolutionInput"/>.</summary>
public sealed record SolutionValues(
    Guid? ProviderId,
    string TitleZh,
    string TitleEn,
    string DescriptionZh,
    string DescriptionEn,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Industries,
    IReadOnlyList<SizeClass> SizeClasses,
    DeploymentMode Deployment,
    long PriceMinCny,
    long PriceMaxCny,
    int ImplementationWeeks,
    bool Standardised);
