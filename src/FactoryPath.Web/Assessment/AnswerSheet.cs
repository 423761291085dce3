namespace FactoryPath.Web.Assessment;

public enum AnswerSheetStatus { Draft, Submitted }

/// <summary>An enterprise's answers to one pinned model version; a draft until submitted.</summary>
public sealed class AnswerSheet
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EnterpriseId { get; set; }
    public string ModelId { get; set; } = "";
    public string ModelVersion { get; set; } = "";
    public AnswerSheetStatus Status { get; set; }
    /// <summary>The answers as JSON (question id → answer).</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>Where the answers of questions that can take live data come from, as JSON (question id → evidence; see AnswerEvidence).</summary>
    public string EvidenceJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? SubmittedAt { get; set; }
    public string? CreatedByUserId { get; set; }
}
