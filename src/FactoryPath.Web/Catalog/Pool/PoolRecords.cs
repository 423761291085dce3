using FactoryPath.Core.Catalog.Pool;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>
/// Writes checked pool values onto stored records: one place for the API, the forms and the import, so a field added
/// to a record is written by all of them.
/// </summary>
public static class PoolRecords
{
    public static void Apply(Provider p, ProviderValues v, DateTime now)
    {
        p.Name = v.Name;
        p.CreditCode = v.CreditCode;
        p.RegionCode = v.RegionCode;
        p.RegionsServed = [.. v.RegionsServed];
        p.Industries = [.. v.Industries];
        p.Scenarios = [.. v.Scenarios];
        p.Certifications = [.. v.Certifications];
        p.TeamSize = v.TeamSize;
        p.DescriptionZh = v.DescriptionZh;
        p.DescriptionEn = v.DescriptionEn;
        p.Website = v.Website;
        p.UpdatedAt = now;
    }

    public static void Apply(Solution s, SolutionValues v, DateTime now)
    {
        s.ProviderId = v.ProviderId!.Value;
        s.TitleZh = v.TitleZh;
        s.TitleEn = v.TitleEn;
        s.DescriptionZh = v.DescriptionZh;
        s.DescriptionEn = v.DescriptionEn;
        s.Scenarios = [.. v.Scenarios];
        s.Industries = [.. v.Industries];
        s.SizeClasses = [.. v.SizeClasses];
        s.Deployment = v.Deployment;
        s.PriceMinCny = v.PriceMinCny;
        s.PriceMaxCny = v.PriceMaxCny;
        s.ImplementationWeeks = v.ImplementationWeeks;
        s.Standardised = v.Standardised;
        s.UpdatedAt = now;
    }

    public static void Apply(DemonstrationCase c, CaseValues v, DateTime now)
    {
        c.TitleZh = v.TitleZh;
        c.TitleEn = v.TitleEn;
        c.SummaryZh = v.SummaryZh;
        c.SummaryEn = v.SummaryEn;
        c.EnterpriseId = v.EnterpriseId;
        c.EnterpriseName = v.EnterpriseName;
        c.Anonymised = v.Anonymised;
        c.IndustryCode = v.IndustryCode;
        c.RegionCode = v.RegionCode;
        c.Scenarios = [.. v.Scenarios];
        c.Tier = v.Tier;
        c.Year = v.Year;
        c.SolutionId = v.SolutionId;
        c.ProviderId = v.ProviderId;
        c.Kpis = v.Kpis.Select(k => new KpiChange { Indicator = k.Indicator, Before = k.Before, After = k.After, Unit = k.Unit, ChangePercent = k.ChangePercent }).ToList();
        c.UpdatedAt = now;
    }
}
