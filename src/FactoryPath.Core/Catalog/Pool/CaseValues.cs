namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="CaseInput"/>.</summary>
public sealed record CaseValues(
    string TitleZh,
    string TitleEn,
    string SummaryZh,
    string SummaryEn,
    Guid? EnterpriseId,
    string EnterpriseName,
    bool Anonymised,
    string IndustryCode,
    string RegionCode,
    IReadOnlyList<string> Scenarios,
    DemonstrationTier? Tier,
    int Year,
    Guid? SolutionId,
    Guid? ProviderId,
    IReadOnlyList<KpiChangeValues> Kpis);
