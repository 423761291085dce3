namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A demonstration case as entered, before validation; every field may be missing.</summary>
/// <param name="EnterpriseId">The enterprise on the platform, when it is one (existence is checked against the database).</param>
/// <param name="EnterpriseName">The name shown; for an anonymised case a description such as 浙江某汽车零部件企业.</param>
/// <param name="Tier">Optional: a <see cref="DemonstrationTier"/> name or its Chinese name.</param>
/// <param name="SolutionId">The solution used, when it is in the pool (checked against the database).</param>
/// <param name="ProviderId">The provider that implemented it (checked against the database).</param>
public sealed record CaseInput(
    string? TitleZh,
    string? TitleEn,
    string? SummaryZh,
    string? SummaryEn,
    Guid? EnterpriseId,
    string? EnterpriseName,
    bool Anonymised,
    string? IndustryCode,
    string? RegionCode,
    IReadOnlyList<string?>? Scenarios,
    string? Tier,
    int? Year,
    Guid? SolutionId,
    Guid? ProviderId,
    IReadOnlyList<KpiChangeInput>? Kpis);
