using FactoryPath.Core.Catalog;

namespace FactoryPath.Web.Demonstration;

/// <summary>Where an application stands. Submitted and Returned are open: at most one open application per enterprise and tier.</summary>
public enum ApplicationStatus
{
    Submitted,
    Approved,
    Rejected,
    /// <summary>Returned for changes: the enterprise may change its statement and submit again.</summary>
    Returned,
    Withdrawn,
}

/// <summary>An enterprise's application for a demonstration tier, with the evidence frozen when it was (last) submitted.</summary>
public sealed class DemonstrationApplication
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EnterpriseId { get; set; }
    public DemonstrationTier Tier { get; set; }
    public ApplicationStatus Status { get; set; }
    public string Statement { get; set; } = "";
    /// <summary>The <see cref="EvidenceSnapshot"/> as JSON.</summary>
    public string EvidenceJson { get; set; } = "{}";
    public string SubmittedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    /// <summary>Optimistic concurrency: two decisions on the same application cannot both land.</summary>
    public int Version { get; set; }

    public bool IsOpen => Status is ApplicationStatus.Submitted or ApplicationStatus.Returned;
}

/// <summary>One entry of an application's thread: a remark, a (re)submission or a decision with its comment.</summary>
public sealed class ApplicationComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public DateTime At { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    /// <summary>enterprise, regional or operator.</summary>
    public string AuthorRole { get; set; } = "";
    /// <summary>The status the entry moved the application to, or null for a plain remark.</summary>
    public ApplicationStatus? Decision { get; set; }
    public string Text { get; set; } = "";
}
