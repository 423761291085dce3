using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Demands;

/// <summary>
/// A demand as its reader may see it. The owner, operators and regional administrators get the enterprise and the
/// counts; a recipient provider gets the match reason and its own proposal, never the enterprise's other answers.
/// </summary>
public sealed record DemandView(
    Guid Id, string Title, string Description, IReadOnlyList<string> Scenarios, long BudgetMinCny, long BudgetMaxCny,
    DateOnly Deadline, string RegionCode, string? RegionName, string IndustryCode, string? IndustryName, string SizeClass,
    DeploymentMode? PreferredDeployment, DemandStatus Status, DateTime CreatedAt, DateTime UpdatedAt,
    Guid? EnterpriseId, string? EnterpriseName, int? RecipientCount, int? ProposalCount, Guid? ProjectId,
    string? MatchReason, ProposalView? MyProposal)
{
    /// <summary>True when the reader may change the demand (close it, accept a proposal).</summary>
    public bool Owned { get; init; }

    internal static DemandView For(Demand d, string? enterpriseName, int? recipients, int? proposals, Guid? projectId,
        string? reason, ProposalView? mine, bool owned) => new(
        d.Id, d.Title, d.Description, d.Scenarios, d.BudgetMinCny, d.BudgetMaxCny, DateOnly.FromDateTime(d.Deadline),
        d.RegionCode, DemandNames.Region(d.RegionCode), d.IndustryCode, DemandNames.Industry(d.IndustryCode),
        d.SizeClass.ToString().ToLowerInvariant(), d.PreferredDeployment, d.Status, d.CreatedAt, d.UpdatedAt,
        enterpriseName is null ? null : d.EnterpriseId, enterpriseName, recipients, proposals, projectId, reason, mine)
    { Owned = owned };
}

/// <summary>One row of "my demands".</summary>
public sealed record DemandSummary(
    Guid Id, string Title, DemandStatus Status, long BudgetMinCny, long BudgetMaxCny, DateOnly Deadline, string RegionCode,
    string? RegionName, int Scenarios, int RecipientCount, int ProposalCount, string EnterpriseName, DateTime CreatedAt);

/// <summary>A proposal as the demand owner compares it, or as its own provider sees it.</summary>
public sealed record ProposalView(
    Guid Id, Guid DemandId, Guid ProviderId, string ProviderName, double? ProviderRating, int ProviderRatedProjects,
    Guid? SolutionId, string? SolutionTitle, long PriceCny, int DurationWeeks, string Approach, ProposalStatus Status,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static ProposalView For(Proposal p, Provider provider, Solution? solution) => new(
        p.Id, p.DemandId, p.ProviderId, provider.Name, provider.Rating, provider.RatedProjects, p.SolutionId,
        solution is null ? null : UiText.Pick(solution.TitleZh, solution.TitleEn), p.PriceCny, p.DurationWeeks, p.Approach,
        p.Status, p.CreatedAt, p.UpdatedAt);
}

/// <summary>A demand in a provider's inbox: what is asked, why it reached this provider, and the provider's own answer if any.</summary>
public sealed record InboxItem(
    Guid DemandId, string Title, DemandStatus Status, IReadOnlyList<string> Scenarios, long BudgetMinCny, long BudgetMaxCny,
    DateOnly Deadline, string RegionCode, string? RegionName, string IndustryCode, string? IndustryName, double Score,
    string Reason, DateTime MatchedAt, bool Unread, Guid? ProposalId, ProposalStatus? ProposalStatus);

/// <summary>A transformation project as its enterprise, its provider or an operator sees it.</summary>
public sealed record ProjectView(
    Guid Id, Guid DemandId, Guid ProposalId, string Title, ProjectStatus Status, Guid EnterpriseId, string EnterpriseName,
    Guid ProviderId, string ProviderName, Guid? SolutionId, IReadOnlyList<string> Scenarios, long PriceCny,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt, IReadOnlyList<KpiChange> Outcomes, int? Rating,
    string? RatingComment, bool CaseConsent, Guid? CaseId)
{
    /// <summary>What the reader may do now: start, complete, cancel, consent.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];
}

/// <summary>Region and industry names in the reader's language.</summary>
public static class DemandNames
{
    public static string? Region(string code)
    {
        var province = RegionCatalog.ProvinceOf(code);
        if (province is null) return null;
        var prefecture = RegionCatalog.PrefectureOf(code);
        var provinceName = UiText.Pick(province.NameZh, province.NameEn);
        if (prefecture is null || prefecture.Code == province.Code || IsPlaceholder(prefecture.NameZh)) return provinceName;
        return UiText.IsChinese() ? province.NameZh + prefecture.NameZh : $"{prefecture.NameZh}, {province.NameEn}";
    }

    public static string? Industry(string code) => IndustryCatalog.Find(code) is { } i ? UiText.Pick(i.NameZh, i.NameEn) : null;

    public static string Scenario(ScenarioLibrary library, string id) => library.Find(id)?.Name.ForCurrentCulture() ?? id;

    /// <summary>"市辖区" and "县" stand for the districts of a municipality, not a named city.</summary>
    internal static bool IsPlaceholder(string nameZh) => nameZh is "市辖区" or "县";
}
