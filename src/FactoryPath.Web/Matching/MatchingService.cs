using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Matching;

/// <summary>Checks match requests, runs them against the <see cref="MatchingIndex"/>, and shapes the answers.</summary>
public sealed class MatchingService(MatchingIndex index, ScenarioLibrary library, AssessmentService assessments, RoadmapService roadmaps, PlatformDbContext db)
{
    public const int MaxTop = 50;
    public const int DefaultTop = 10;
    public const int MaxTextLength = 2000;
    public const int MaxScenarios = 40;

    /// <summary>How long a request waits for the first index build before it is told the index is being built.</summary>
    public static readonly TimeSpan BuildWait = TimeSpan.FromSeconds(5);

    /// <summary>The request checked field by field (messages in the current language), or the field errors.</summary>
    public Outcome<(MatchRequest Request, IReadOnlyList<string> Kinds, int Top)> Validate(MatchInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string zh, string en) => errors[field] = [UiText.Pick(zh, en)];

        var text = input.Text?.Trim() ?? "";
        if (text.Length > MaxTextLength) Error("text", $"描述最多 {MaxTextLength} 个字符。", $"text may be at most {MaxTextLength} characters.");
        foreach (var (field, list) in new[] { ("scenarios", input.Scenarios), ("roadmapScenarios", input.RoadmapScenarios) })
        {
            if (list is null) continue;
            if (list.Count > MaxScenarios) Error(field, $"最多选择 {MaxScenarios} 个场景。", $"at most {MaxScenarios} scenarios.");
            else if (list.FirstOrDefault(s => library.Find(s) is null) is { } unknown)
                Error(field, $"未知的场景：{unknown}（见 /api/v1/catalog/scenarios）。", $"unknown scenario '{unknown}' (see /api/v1/catalog/scenarios).");
        }

        if (!string.IsNullOrEmpty(input.IndustryCode) && !IndustryCatalog.IsDivision(input.IndustryCode))
            Error("industryCode", "行业代码应为 GB/T 4754-2017 的大类代码（两位数字，如 34）。", "industryCode must be a GB/T 4754-2017 division code (two digits, e.g. 34).");
        if (!string.IsNullOrEmpty(input.RegionCode) && !RegionCatalog.IsValidCode(input.RegionCode))
            Error("regionCode", "地区代码应为 GB/T 2260 的六位代码。", "regionCode must be a six-digit GB/T 2260 code.");
        if (input.BudgetMinCny < 0) Error("budgetMinCny", "预算下限不能为负数。", "budgetMinCny cannot be negative.");
        if (input.BudgetMaxCny < 0) Error("budgetMaxCny", "预算上限不能为负数。", "budgetMaxCny cannot be negative.");
        else if (input.BudgetMinCny is { } min && input.BudgetMaxCny is { } max && min > max)
            Error("budgetMaxCny", "预算上限不能低于下限。", "budgetMaxCny cannot be below budgetMinCny.");
        var top = input.Top ?? DefaultTop;
        if (top is < 1 or > MaxTop) Error("top", $"top 必须在 1 到 {MaxTop} 之间。", $"top must be between 1 and {MaxTop}.");
        var kinds = input.Kinds is { Count: > 0 } k ? k.Distinct().ToList() : SearchDocumentKinds.All.ToList();
        if (kinds.FirstOrDefault(x => !SearchDocumentKinds.All.Contains(x)) is { } badKind)
            Error("kinds", $"未知的类型：{badKind}（可选 solution、provider、case）。", $"unknown kind '{badKind}' (use solution, provider, case).");
        if (text.Length == 0 && input.Scenarios is not { Count: > 0 } && input.RoadmapScenarios is not { Count: > 0 } && string.IsNullOrEmpty(input.IndustryCode))
            Error("text", "请描述需求，或选择场景或行业。", "Describe the need, or choose scenarios or an industry.");
        if (errors.Count > 0) return Outcome<(MatchRequest, IReadOnlyList<string>, int)>.Invalid(errors);

        var hard = input.Hard ?? new MatchHardInput();
        var request = new MatchRequest
        {
            Text = text,
            Scenarios = input.Scenarios?.Distinct().ToList() ?? [],
            RoadmapScenarios = input.RoadmapScenarios?.Distinct().ToList() ?? [],
            IndustryCode = NullIfEmpty(input.IndustryCode),
            SizeClass = input.SizeClass,
            BudgetMinCny = input.BudgetMinCny,
            BudgetMaxCny = input.BudgetMaxCny,
            RegionCode = NullIfEmpty(input.RegionCode),
            Deployment = input.Deployment,
            Hard = new MatchHardFilters { RegionServed = hard.RegionServed, Deployment = hard.Deployment, MaxBudget = hard.MaxBudget, Industry = hard.Industry },
        };
        return Outcome<(MatchRequest, IReadOnlyList<string>, int)>.Ok((request, kinds, top));
    }

    /// <summary>The matches; null while the index is still being built.</summary>
    public async Task<MatchResponse?> MatchAsync(MatchRequest request, IReadOnlyCollection<string> kinds, int top, CancellationToken ct = default)
    {
        var result = await index.MatchAsync(request, kinds, top, BuildWait, ct);
        if (result is null) return null;
        return new MatchResponse(
            result.Of(SearchDocumentKinds.Solution).Select(View).ToList(),
            result.Of(SearchDocumentKinds.Provider).Select(View).ToList(),
            result.Of(SearchDocumentKinds.Case).Select(View).ToList(),
            result.CandidateCounts);
    }

    /// <summary>
    /// The solutions for a result's roadmap: its steps' scenarios in order, and the enterprise's industry, size and
    /// region. Not found when the viewer may not read the result; null response while the index is being built.
    /// </summary>
    public async Task<Outcome<ResultMatchesResponse?>> ForResultAsync(Viewer viewer, Guid resultId, int top, CancellationToken ct = default)
    {
        var outcome = await assessments.GetResultAsync(viewer, resultId, ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? Outcome<ResultMatchesResponse?>.NotFound() : Outcome<ResultMatchesResponse?>.Forbidden(outcome.Message ?? "");
        var stored = outcome.Value!;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == stored.EnterpriseId, ct);
        var roadmap = await roadmaps.PlanAsync(stored, enterprise, ct);
        var steps = roadmap.Steps.OrderBy(s => s.Order).Select(s => s.ScenarioId).Distinct().ToList();
        var request = RequestFor(steps, enterprise.IndustryCode, enterprise.SizeClass, enterprise.RegionCode);
        var matches = await MatchAsync(request, [SearchDocumentKinds.Solution], top, ct);
        return Outcome<ResultMatchesResponse?>.Ok(matches is null ? null
            : new ResultMatchesResponse(steps, enterprise.IndustryCode, enterprise.SizeClass, enterprise.RegionCode, matches.Solutions));
    }

    /// <summary>A roadmap with no steps (already at the top level) asks by industry alone.</summary>
    public static MatchRequest RequestFor(IReadOnlyList<string> roadmapScenarios, string industryCode, SizeClass size, string regionCode) => new()
    {
        RoadmapScenarios = roadmapScenarios,
        IndustryCode = industryCode,
        SizeClass = size,
        RegionCode = regionCode,
    };

    private MatchItem View(RankedMatch m)
    {
        var f = m.Facts ?? index.Facts(m.Id);
        var provider = f?.ProviderId is { } p && m.Kind != SearchDocumentKinds.Provider ? index.Facts(p) : null;
        return new MatchItem(
            m.Id,
            m.Kind,
            f?.Title.Zh ?? "",
            f?.Title.En ?? "",
            Math.Round(m.Score, 4),
            m.Components.Select(c => new MatchComponentView(Camel(c.Component), Math.Round(c.Value, 4), c.Weight, Math.Round(c.Contribution, 4), c.Reason.Zh, c.Reason.En)).ToList(),
            m.Matched.Select(x => new MatchedTextView(x.QueryText, x.Group?.Label, x.Forms)).ToList(),
            f?.ProviderId,
            provider?.Title.Zh,
            f?.PriceMinCny,
            f?.PriceMaxCny,
            f?.Deployment,
            f?.ImplementationWeeks,
            f?.Standardised ?? false);
    }

    private static string Camel(MatchComponent c) { var n = c.ToString(); return char.ToLowerInvariant(n[0]) + n[1..]; }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
