using FactoryPath.Core.Demands;
using FactoryPath.Web.Catalog;

namespace FactoryPath.Web.Demands;

/// <summary>
/// The work that follows an accepted proposal. At completion the enterprise records outcome KPIs and a rating
/// (which feeds the provider's rating) and may consent to the project becoming a demonstration case.
/// </summary>
public sealed class TransformationProject
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DemandId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid? SolutionId { get; set; }
    public string Title { get; set; } = "";
    public List<string> Scenarios { get; set; } = [];
    public long PriceCny { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Planned;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? CompletedAt { get; set; }
    public List<KpiChange> Outcomes { get; set; } = [];
    /// <summary>1–5, given by the enterprise at completion.</summary>
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public bool CaseConsent { get; set; }
    public Guid? CaseId { get; set; }
}
