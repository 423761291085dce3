namespace FactoryPath.Core.Catalog.Pool;

/// <summary>
/// Field names used as keys of <see cref="PoolValidation{T}.Errors"/> (camelCase, as in JSON, forms and import columns).
/// An error about one item of a list is keyed by the list and the item's position, e.g. <c>kpis[1].changePercent</c>.
/// Maximum lengths match the columns of the pool's tables.
/// </summary>
public static class PoolFields
{
    public const string Name = "name";
    public const string CreditCode = "creditCode";
    public const string RegionCode = "regionCode";
    public const string RegionsServed = "regionsServed";
    public const string Industries = "industries";
    public const string IndustryCode = "industryCode";
    public const string Scenarios = "scenarios";
    public const string Certifications = "certifications";
    public const string TeamSize = "teamSize";
    public const string DescriptionZh = "descriptionZh";
    public const string DescriptionEn = "descriptionEn";
    public const string Website = "website";
    public const string ProviderId = "providerId";
    public const string TitleZh = "titleZh";
    public const string TitleEn = "titleEn";
    public const string SizeClasses = "sizeClasses";
    public const string Deployment = "deployment";
    public const string PriceMinCny = "priceMinCny";
    public const string PriceMaxCny = "priceMaxCny";
    public const string ImplementationWeeks = "implementationWeeks";
    public const string SummaryZh = "summaryZh";
    public const string SummaryEn = "summaryEn";
    public const string EnterpriseId = "enterpriseId";
    public const string EnterpriseName = "enterpriseName";
    public const string Tier = "tier";
    public const string Year = "year";
    public const string SolutionId = "solutionId";
    public const string Kpis = "kpis";
    public const string Indicator = "indicator";
    public const string ChangePercent = "changePercent";
    public const string Before = "before";
    public const string After = "after";
    public const string Unit = "unit";
    public const string NameZh = "nameZh";
    public const string NameEn = "nameEn";
    public const string Members = "members";
    public const string Role = "role";

    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int WebsiteMaxLength = 300;
    public const int CertificationMaxLength = 100;
    public const int UnitMaxLength = 20;
    public const int MinImplementationWeeks = 1;
    public const int MaxImplementationWeeks = 260;
    public const int MinCaseYear = 1990;
    public const double MaxChangePercent = 1000;
    public const int MaxChainTier = 10;

    /// <summary>The key of one item's field in a list, e.g. <c>Item("kpis", 1, "indicator")</c> is <c>kpis[1].indicator</c>.</summary>
    public static string Item(string list, int index, string field) => $"{list}[{index}].{field}";
}
