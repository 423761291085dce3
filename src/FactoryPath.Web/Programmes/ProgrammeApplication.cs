namespace FactoryPath.Web.Programmes;

public enum ApplicationStatus { Pending, Approved, Rejected, Withdrawn }

/// <summary>An enterprise's application to a support programme; one per programme and enterprise.</summary>
public sealed class ProgrammeApplication
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; set; }
    public Guid EnterpriseId { get; set; }
    public long RequestedCny { get; set; }
    /// <summary>What was granted on approval (at most <see cref="RequestedCny"/>); null until approved.</summary>
    public long? GrantedCny { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>Optionally the roadmap scenario the money pays for (catalog scenario id).</summary>
    public string? ScenarioId { get; set; }
    /// <summary>Optionally the enterprise's transformation project the money pays for.</summary>
    public Guid? ProjectId { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;
    public string? ReviewComment { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
