using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Programmes;

/// <summary>How far a programme's budget is spent, and how many applications are in each state.</summary>
public sealed record BudgetStatus(long BudgetCny, long ApprovedCny, long RemainingCny, int Pending, int Approved, int Rejected, int Withdrawn, long PendingRequestedCny);

/// <summary>One rule of an eligibility report: what is required and the enterprise's own value, in both languages.</summary>
public sealed record RuleCheck(string Kind, bool Met, LocalizedText Requirement, LocalizedText Actual);

/// <summary>An enterprise's eligibility for a programme, checked at <see cref="CheckedAt"/>.</summary>
public sealed record EligibilityView(bool Eligible, IReadOnlyList<RuleCheck> Rules, DateTimeOffset CheckedAt)
{
    public static EligibilityView From(EligibilityReport report, DateTimeOffset at) =>
        new(report.Eligible, report.Rules.Select(r => new RuleCheck(r.Rule.Kind, r.Met, r.Requirement, r.Actual)).ToList(), at);
}

/// <summary>A programme in a list: for administrators with its budget, for an enterprise with its own application's state.</summary>
public sealed record ProgrammeSummary(
    Guid Id, string NameZh, string NameEn, string RegionCode, string? RegionName, long BudgetCny, long MaxPerApplicationCny,
    DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen, BudgetStatus? Budget, ApplicationStatus? MyApplicationStatus)
{
    public string Name => UiText.Pick(NameZh, NameEn);
}

/// <summary>
/// A programme in full. Administrators in scope get <see cref="Budget"/> and <see cref="CanManage"/>; an enterprise gets
/// its <see cref="Eligibility"/> checked now and its own application, if any.
/// </summary>
public sealed record ProgrammeView(
    Guid Id, string NameZh, string NameEn, string DescriptionZh, string DescriptionEn, string RegionCode, string? RegionName,
    long BudgetCny, long MaxPerApplicationCny, DateOnly OpensOn, DateOnly ClosesOn, bool IsOpen, IReadOnlyList<EligibilityRule> Rules,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanManage, BudgetStatus? Budget, EligibilityView? Eligibility, ApplicationView? MyApplication)
{
    public string Name => UiText.Pick(NameZh, NameEn);
    public string Description => UiText.Pick(DescriptionZh, DescriptionEn);
}

/// <summary>An application as its enterprise and the reviewing administrators see it.</summary>
public sealed record ApplicationView(
    Guid Id, Guid ProgrammeId, string ProgrammeNameZh, string ProgrammeNameEn, Guid EnterpriseId, string EnterpriseName,
    long RequestedCny, long? GrantedCny, string Purpose, string? ScenarioId, Guid? ProjectId, ApplicationStatus Status,
    string? ReviewComment, DateTime? ReviewedAt, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The profile facts a reviewer needs, with the latest result per model.</summary>
public sealed record EnterpriseSummary(
    Guid Id, string Name, string CreditCode, string IndustryCode, string? IndustryName, string RegionCode, string? RegionName,
    SizeClass SizeClass, int Employees, decimal AnnualRevenueCny, IReadOnlyList<LatestResult> LatestResults);

public sealed record LatestResult(Guid ResultId, string ModelId, int Level, double Score, DateTime SubmittedAt);

/// <summary>What an administrator reviews: the application, its programme's budget, the enterprise and its eligibility now.</summary>
public sealed record ApplicationReview(ApplicationView Application, ProgrammeSummary Programme, EnterpriseSummary Enterprise, EligibilityView Eligibility);

/// <summary>Region and industry names in the reader's language.</summary>
public static class ProgrammeNames
{
    public static string? Region(string code)
    {
        var region = RegionCatalog.Find(code) ?? RegionCatalog.PrefectureOf(code) ?? RegionCatalog.ProvinceOf(code);
        if (region is null) return null;
        return UiText.IsChinese() || string.IsNullOrEmpty(region.NameEn) ? region.NameZh : region.NameEn;
    }

    public static string? Industry(string code) =>
        IndustryCatalog.Find(code) is { } i ? UiText.Pick(i.NameZh, i.NameEn) : null;
}

/// <summary>The rules of a programme in words, as the eligibility check describes them.</summary>
public static class RuleText
{
    public static IReadOnlyList<LocalizedText> Describe(IReadOnlyList<EligibilityRule> rules) =>
        EligibilityRules.Evaluate(rules, new EligibilityFacts(null, "", "", []), DateTimeOffset.UnixEpoch).Rules.Select(r => r.Requirement).ToList();
}
