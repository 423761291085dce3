using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Eligibility;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Demonstration;

public sealed record ApplyRequest(DemonstrationTier? Tier, string? Statement);

public sealed record ResubmitRequest(string? Statement);

/// <param name="Decision">approved, rejected or returned.</param>
/// <param name="Comment">Required to reject or return.</param>
public sealed record DecisionRequest(ApplicationStatus? Decision, string? Comment);

public sealed record CommentRequest(string? Text);

/// <summary>A rule with its requirement and the enterprise's own value, in the caller's language.</summary>
/// <param name="Judgement">The rule's figure is our judgement, not a published requirement.</param>
public sealed record RuleResponse(string Kind, bool Met, string Requirement, string Actual, bool Judgement);

public sealed record TierResponse(DemonstrationTier Tier, string Name, string Summary, TierReview Review, string ReviewName, bool Judgement)
{
    public static TierResponse From(TierDefinition t) =>
        new(t.Tier, Pick(t.Name), Pick(t.Summary), t.Review, Pick(TierDefinition.ReviewName(t.Review)), t.Judgement);

    internal static string Pick(Core.Assessment.LocalizedText text) => UiText.Pick(text.Zh, text.En);
}

public sealed record TierStandingResponse(TierResponse Tier, bool Eligible, IReadOnlyList<RuleResponse> Rules, Guid? OpenApplicationId, ApplicationStatus? OpenStatus, Guid? ApprovedApplicationId, DateTime? RecognisedAt)
{
    public static TierStandingResponse From(TierStanding s) => new(TierResponse.From(s.Definition), s.Eligibility.Eligible,
        RulesOf(s.Definition, s.Eligibility), s.Open?.Id, s.Open?.Status, s.Approved?.Id, s.Approved?.DecidedAt);

    public static IReadOnlyList<RuleResponse> RulesOf(TierDefinition definition, EligibilityReport report) =>
        report.Rules.Select((r, i) => new RuleResponse(r.Rule.Kind, r.Met, TierResponse.Pick(r.Requirement), TierResponse.Pick(r.Actual),
            i < definition.Rules.Count && definition.Rules[i].Judgement)).ToList();
}

public sealed record ApplicationSummary(
    Guid Id, Guid EnterpriseId, string? EnterpriseName, string? RegionCode, DemonstrationTier Tier, string TierName, ApplicationStatus Status,
    DateTime SubmittedAt, DateTime UpdatedAt, DateTime? DecidedAt)
{
    public static ApplicationSummary From(DemonstrationApplication a, DemonstrationTierCatalog tiers, string? enterpriseName = null, string? regionCode = null) =>
        new(a.Id, a.EnterpriseId, enterpriseName, regionCode, a.Tier, NameOf(a.Tier, tiers), a.Status, a.SubmittedAt, a.UpdatedAt, a.DecidedAt);

    public static string NameOf(DemonstrationTier tier, DemonstrationTierCatalog tiers) =>
        tiers.Find(tier) is { } t ? TierResponse.Pick(t.Name) : tier.ToString();
}

public sealed record CommentResponse(Guid Id, DateTime At, string Author, string AuthorRole, ApplicationStatus? Decision, string Text)
{
    public static CommentResponse From(ApplicationComment c) => new(c.Id, c.At, c.AuthorName, c.AuthorRole, c.Decision, c.Text);
}

/// <param name="EligibleNow">The tier's rules checked again at the time of this request.</param>
/// <param name="CanDecide">The caller may approve, reject or return it now.</param>
public sealed record ApplicationResponse(
    ApplicationSummary Application, string Statement, EvidenceSnapshot Evidence, bool EligibleNow, IReadOnlyList<RuleResponse> RulesNow,
    IReadOnlyList<CommentResponse> Comments, bool CanDecide, string? ReviewNote)
{
    public static ApplicationResponse From(ApplicationDetail d, DemonstrationTierCatalog tiers) => new(
        ApplicationSummary.From(d.Application, tiers, d.Enterprise.Name, d.Enterprise.RegionCode), d.Application.Statement, d.Evidence,
        d.EligibilityNow.Eligible, TierStandingResponse.RulesOf(d.Definition, d.EligibilityNow), d.Comments.Select(CommentResponse.From).ToList(), d.CanDecide, d.ReviewNote);
}

/// <summary>Enterprises of a region holding a tier; a count of 1–4 is null with <c>suppressed: true</c>.</summary>
public sealed record RecognitionRow(DemonstrationTier Tier, string Name, Regional.StatCell Enterprises);
