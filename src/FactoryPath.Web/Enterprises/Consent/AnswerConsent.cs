namespace FactoryPath.Web.Enterprises.Consent;

/// <summary>
/// An enterprise's choice whether the regional administrators of its region may read its answers (answer sheets and
/// the question-by-question results). No row means no: the setting is off by default.
/// </summary>
public sealed class AnswerConsent
{
    public Guid EnterpriseId { get; set; }
    public bool AllowRegionalAdmins { get; set; }
    public string ChangedByUserId { get; set; } = "";
    public string ChangedByEmail { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}
