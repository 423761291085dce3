using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Catalog.Pool;

public sealed record ProviderResponse(
    Guid Id, string Name, string CreditCode, NamedCode Region, IReadOnlyList<NamedCode> RegionsServed, IReadOnlyList<NamedCode> Industries,
    IReadOnlyList<NamedCode> Scenarios, IReadOnlyList<string> Certifications, int TeamSize, string DescriptionZh, string DescriptionEn,
    string? Website, double? Rating, int RatedProjects, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ProviderResponse From(Provider p, ScenarioLibrary library) => new(
        p.Id, p.Name, p.CreditCode, new NamedCode(p.RegionCode, PoolLabels.Region(p.RegionCode)), PoolLabels.Regions(p.RegionsServed),
        PoolLabels.Industries(p.Industries), PoolLabels.Scenarios(library, p.Scenarios), p.Certifications, p.TeamSize,
        p.DescriptionZh, p.DescriptionEn, p.Website, p.Rating, p.RatedProjects, p.CreatedAt, p.UpdatedAt);
}

public sealed record SolutionResponse(
    Guid Id, Guid ProviderId, string? ProviderName, string TitleZh, string TitleEn, string DescriptionZh, string DescriptionEn,
    IReadOnlyList<NamedCode> Scenarios, IReadOnlyList<NamedCode> Industries, IReadOnlyList<NamedCode> SizeClasses,
    DeploymentMode Deployment, string DeploymentName, long PriceMinCny, long PriceMaxCny, int ImplementationWeeks, bool Standardised,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SolutionResponse From(Solution s, string? providerName, ScenarioLibrary library) => new(
        s.Id, s.ProviderId, providerName, s.TitleZh, s.TitleEn, s.DescriptionZh, s.DescriptionEn, PoolLabels.Scenarios(library, s.Scenarios),
        PoolLabels.Industries(s.Industries), s.SizeClasses.Select(c => new NamedCode(c.ToString(), UiText.Pick(c.Zh(), c.En()))).ToList(),
        s.Deployment, s.Deployment.Name().ForCurrentCulture(), s.PriceMinCny, s.PriceMaxCny, s.ImplementationWeeks, s.Standardised,
        s.CreatedAt, s.UpdatedAt);
}

public sealed record KpiChangeResponse(string Indicator, string? Name, double? Before, double? After, string? Unit, double ChangePercent, bool? Improved);

/// <param name="EnterpriseId">Null for an anonymised case, whoever asks: its enterprise is never shown.</param>
public sealed record CaseResponse(
    Guid Id, string TitleZh, string TitleEn, string SummaryZh, string SummaryEn, Guid? EnterpriseId, string EnterpriseName, bool Anonymised,
    NamedCode Industry, NamedCode Region, IReadOnlyList<NamedCode> Scenarios, DemonstrationTier? Tier, string? TierName, int Year,
    Guid? SolutionId, Guid? ProviderId, IReadOnlyList<KpiChangeResponse> Kpis, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static CaseResponse From(DemonstrationCase c, ScenarioLibrary library) => new(
        c.Id, c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, c.Anonymised ? null : c.EnterpriseId, c.EnterpriseName, c.Anonymised,
        new NamedCode(c.IndustryCode, PoolLabels.Industry(c.IndustryCode)), new NamedCode(c.RegionCode, PoolLabels.Region(c.RegionCode)),
        PoolLabels.Scenarios(library, c.Scenarios), c.Tier, c.Tier?.Name().ForCurrentCulture(), c.Year, c.SolutionId, c.ProviderId,
        c.Kpis.Select(Kpi).ToList(), c.CreatedAt, c.UpdatedAt);

    private static KpiChangeResponse Kpi(KpiChange k)
    {
        var indicator = KpiIndicators.Find(k.Indicator);
        bool? improved = indicator is null || k.ChangePercent == 0 ? null : (k.ChangePercent > 0) == indicator.HigherIsBetter;
        return new KpiChangeResponse(k.Indicator, indicator?.Name.ForCurrentCulture(), k.Before, k.After, k.Unit, k.ChangePercent, improved);
    }
}

/// <param name="EnterpriseId">Only for those who may edit the chain; others see names, roles and tiers.</param>
public sealed record ChainMemberResponse(Guid? EnterpriseId, string Name, ChainRole Role, string RoleName, int Tier);

public sealed record ChainResponse(
    Guid Id, string NameZh, string NameEn, string DescriptionZh, string DescriptionEn, IReadOnlyList<NamedCode> Industries, NamedCode Region,
    IReadOnlyList<ChainMemberResponse> Members, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ChainResponse From(ChainView view, bool showIds)
    {
        var c = view.Chain;
        return new ChainResponse(c.Id, c.NameZh, c.NameEn, c.DescriptionZh, c.DescriptionEn, PoolLabels.Industries(c.Industries),
            new NamedCode(c.RegionCode, PoolLabels.Region(c.RegionCode)),
            view.Members.Select(m => new ChainMemberResponse(showIds ? m.EnterpriseId : null, m.Name, m.Role, m.Role.Name().ForCurrentCulture(), m.Tier)).ToList(),
            c.CreatedAt, c.UpdatedAt);
    }
}
