using FactoryPath.Core.Catalog;

namespace FactoryPath.Web.Catalog;

/// <summary>
/// A demonstration case: an enterprise (named or anonymised) that implemented scenarios, with its tier and the
/// measured before/after effects. Cases are the evidence behind solutions and providers.
/// </summary>
public sealed class DemonstrationCase
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string SummaryZh { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    /// <summary>The enterprise on the platform, when it is one.</summary>
    public Guid? EnterpriseId { get; set; }
    /// <summary>The name shown; for an anonymised case a description such as "浙江某汽车零部件企业".</summary>
    public string EnterpriseName { get; set; } = "";
    public bool Anonymised { get; set; }
    public string IndustryCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public List<string> Scenarios { get; set; } = [];
    public DemonstrationTier? Tier { get; set; }
    public int Year { get; set; }
    public Guid? SolutionId { get; set; }
    public Guid? ProviderId { get; set; }
    /// <summary>The project this case came from, when it was recorded on the platform.</summary>
    public Guid? ProjectId { get; set; }
    public List<KpiChange> Kpis { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
