using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Demands;

/// <summary>
/// A need an enterprise posts: which scenarios, in its own words, with a budget, a deadline and a region.
/// Industry and size class are copied from the profile when the demand is posted, for matching.
/// </summary>
public sealed class Demand
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EnterpriseId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Scenarios { get; set; } = [];
    /// <summary>Budget range in whole yuan; the minimum may be 0.</summary>
    public long BudgetMinCny { get; set; }
    public long BudgetMaxCny { get; set; }
    public DateTime Deadline { get; set; }
    /// <summary>GB/T 2260 code where the work is to be done.</summary>
    public string RegionCode { get; set; } = "";
    public string IndustryCode { get; set; } = "";
    public SizeClass SizeClass { get; set; }
    public DeploymentMode? PreferredDeployment { get; set; }
    public DemandStatus Status { get; set; } = DemandStatus.Open;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
