using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Programmes;

/// <summary>
/// Support programmes: administrators create and edit them within their region (the operator anywhere); enterprises
/// located in a programme's region see it while it is open, with their own eligibility report.
/// </summary>
public sealed class ProgrammeService(PlatformDbContext db, ModelRegistry models, TimeProvider clock)
{
    /// <summary>Today where the platform runs; a programme is open from <c>OpensOn</c> to <c>ClosesOn</c> inclusive.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static bool Manages(Viewer viewer, string regionCode) =>
        viewer.IsPlatformAdmin || (viewer.IsRegionalAdmin && RegionScope.Contains(viewer.RegionCode, regionCode));

    /// <summary>The regions whose programmes an enterprise located in <paramref name="regionCode"/> may apply to: its own, its prefecture's, its province's.</summary>
    public static IReadOnlyList<string> RegionsAbove(string regionCode) =>
        RegionCode.IsWellFormed(regionCode)
            ? new[] { regionCode, RegionCode.PrefectureCodeOf(regionCode), RegionCode.ProvinceCodeOf(regionCode) }.Distinct().ToList()
            : [regionCode];

    /// <summary>Administrators: every programme in their scope, newest first. Enterprises: the open programmes of their region.</summary>
    public async Task<Outcome<PagedList<ProgrammeSummary>>> ListAsync(Viewer viewer, Paging paging, CancellationToken ct = default)
    {
        IQueryable<SupportProgramme> query;
        Enterprise? enterprise = null;
        if (viewer.IsPlatformAdmin) query = db.Programmes.AsNoTracking();
        else if (viewer.IsRegionalAdmin)
        {
            var prefix = RegionScope.PrefixOf(viewer.RegionCode!);
            query = db.Programmes.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix));
        }
        else if (viewer.IsEnterpriseUser)
        {
            enterprise = await OwnEnterpriseAsync(viewer, ct);
            if (enterprise is null) return Outcome<PagedList<ProgrammeSummary>>.Ok(new PagedList<ProgrammeSummary>([], paging.Page, paging.PageSize, 0));
            var regions = RegionsAbove(enterprise.RegionCode);
            var today = Today();
            query = db.Programmes.AsNoTracking().Where(p => regions.Contains(p.RegionCode) && p.OpensOn <= today && p.ClosesOn >= today);
        }
        else return Outcome<PagedList<ProgrammeSummary>>.Forbidden(UiText.Pick("只有企业用户和管理员可以查看扶持项目。", "Only enterprise users and administrators see support programmes."));

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.ClosesOn).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var items = new List<ProgrammeSummary>();
        if (enterprise is null)
        {
            var budgets = await BudgetsAsync(ids, ct);
            items.AddRange(rows.Select(p => Summary(p, budgets.GetValueOrDefault(p.Id) ?? Empty(p), null)));
        }
        else
        {
            var mine = await db.ProgrammeApplications.AsNoTracking().Where(a => a.EnterpriseId == enterprise.Id && ids.Contains(a.ProgrammeId))
                .Select(a => new { a.ProgrammeId, a.Status }).ToListAsync(ct);
            items.AddRange(rows.Select(p => Summary(p, null, mine.FirstOrDefault(m => m.ProgrammeId == p.Id)?.Status)));
        }
        return Outcome<PagedList<ProgrammeSummary>>.Ok(new PagedList<ProgrammeSummary>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>
    /// One programme: for an administrator in scope with its budget; for an enterprise of its region (while it is open,
    /// or once it has applied) with its eligibility now and its application. Anyone else: not found.
    /// </summary>
    public async Task<Outcome<ProgrammeView>> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Outcome<ProgrammeView>.NotFound();
        if (Manages(viewer, p.RegionCode))
        {
            var budget = (await BudgetsAsync([p.Id], ct)).GetValueOrDefault(p.Id) ?? Empty(p);
            return Outcome<ProgrammeView>.Ok(View(p, canManage: true, budget, null, null));
        }
        if (!viewer.IsEnterpriseUser) return Outcome<ProgrammeView>.NotFound();
        var enterprise = await OwnEnterpriseAsync(viewer, ct);
        if (enterprise is null || !RegionsAbove(enterprise.RegionCode).Contains(p.RegionCode)) return Outcome<ProgrammeView>.NotFound();
        var mine = await ApplicationService.ViewsAsync(db, db.ProgrammeApplications.Where(a => a.ProgrammeId == id && a.EnterpriseId == enterprise.Id), ct);
        if (!IsOpen(p) && mine.Count == 0) return Outcome<ProgrammeView>.NotFound();
        var eligibility = await EligibilityAsync(p, enterprise, ct);
        return Outcome<ProgrammeView>.Ok(View(p, canManage: false, null, eligibility, mine.FirstOrDefault()));
    }

    public async Task<Outcome<ProgrammeView>> CreateAsync(Viewer viewer, ProgrammeInput input, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin)
            return Outcome<ProgrammeView>.Forbidden(UiText.Pick("只有区域管理员和平台运营人员可以创建扶持项目。", "Only regional administrators and platform operators create support programmes."));
        var errors = ProgrammeValidator.Validate(input, models);
        if (errors.Count > 0) return Outcome<ProgrammeView>.Invalid(Localize(errors));
        var region = input.RegionCode!.Trim();
        if (!Manages(viewer, region))
            return Outcome<ProgrammeView>.Invalid(ProgrammeFields.RegionCode, UiText.Pick("该地区不在您的管辖范围内。", "This region lies outside your scope."));
        var now = clock.GetUtcNow().UtcDateTime;
        var p = new SupportProgramme
        {
            NameZh = input.NameZh!.Trim(), NameEn = input.NameEn!.Trim(), DescriptionZh = input.DescriptionZh!.Trim(), DescriptionEn = input.DescriptionEn!.Trim(),
            RegionCode = region, BudgetCny = input.BudgetCny!.Value, MaxPerApplicationCny = input.MaxPerApplicationCny!.Value,
            OpensOn = input.OpensOn!.Value, ClosesOn = input.ClosesOn!.Value, RulesJson = ProgrammeJson.Write(input.Rules ?? []),
            CreatedBy = viewer.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.Programmes.Add(p);
        await db.SaveChangesAsync(ct);
        return await GetAsync(viewer, p.Id, ct);
    }

    /// <summary>
    /// Changes every field of a programme in scope. The region may move only within the editor's scope; the budget may
    /// not drop below what is already approved (checked in the same UPDATE that writes it, so a concurrent approval
    /// cannot slip in between).
    /// </summary>
    public async Task<Outcome<ProgrammeView>> UpdateAsync(Viewer viewer, Guid id, ProgrammeInput input, CancellationToken ct = default)
    {
        var existing = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (existing is null || !Manages(viewer, existing.RegionCode)) return Outcome<ProgrammeView>.NotFound();
        var errors = ProgrammeValidator.Validate(input, models);
        if (errors.Count > 0) return Outcome<ProgrammeView>.Invalid(Localize(errors));
        var region = input.RegionCode!.Trim();
        if (!Manages(viewer, region))
            return Outcome<ProgrammeView>.Invalid(ProgrammeFields.RegionCode, UiText.Pick("该地区不在您的管辖范围内。", "This region lies outside your scope."));
        var budget = input.BudgetCny!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var (nameZh, nameEn, descZh, descEn) = (input.NameZh!.Trim(), input.NameEn!.Trim(), input.DescriptionZh!.Trim(), input.DescriptionEn!.Trim());
        var (max, opens, closes, rules) = (input.MaxPerApplicationCny!.Value, input.OpensOn!.Value, input.ClosesOn!.Value, ProgrammeJson.Write(input.Rules ?? []));
        var changed = await db.Programmes.Where(p => p.Id == id && p.ApprovedCny <= budget).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.NameZh, nameZh).SetProperty(p => p.NameEn, nameEn)
            .SetProperty(p => p.DescriptionZh, descZh).SetProperty(p => p.DescriptionEn, descEn)
            .SetProperty(p => p.RegionCode, region).SetProperty(p => p.BudgetCny, budget).SetProperty(p => p.MaxPerApplicationCny, max)
            .SetProperty(p => p.OpensOn, opens).SetProperty(p => p.ClosesOn, closes).SetProperty(p => p.RulesJson, rules)
            .SetProperty(p => p.UpdatedAt, now), ct);
        if (changed == 0)
        {
            var approved = await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => p.ApprovedCny).FirstOrDefaultAsync(ct);
            return Outcome<ProgrammeView>.Invalid(ProgrammeFields.BudgetCny, UiText.Pick(
                $"总预算不能低于已批准的金额 {approved} 元。", $"The budget cannot be below the amount already approved, CNY {approved}."));
        }
        return await GetAsync(viewer, id, ct);
    }

    /// <summary>The enterprise's eligibility for the programme now: its profile and its latest result per model against the rules.</summary>
    public async Task<EligibilityView> EligibilityAsync(SupportProgramme p, Enterprise enterprise, CancellationToken ct)
    {
        var results = await db.Results.AsNoTracking().Where(r => r.EnterpriseId == enterprise.Id && r.IsLatest)
            .Select(r => new { r.ResultJson, r.SubmittedAt }).ToListAsync(ct);
        var facts = new List<ResultFacts>();
        foreach (var r in results)
        {
            if (AssessmentJson.Deserialize<AssessmentResult>(r.ResultJson) is { } result)
                facts.Add(ResultFacts.From(result, new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc))));
        }
        var now = clock.GetUtcNow();
        var report = EligibilityRules.Evaluate(ProgrammeJson.Read(p.RulesJson), new EligibilityFacts(enterprise.SizeClass, enterprise.IndustryCode, enterprise.RegionCode, facts), now);
        return EligibilityView.From(report, now);
    }

    public bool IsOpen(SupportProgramme p)
    {
        var today = Today();
        return p.OpensOn <= today && today <= p.ClosesOn;
    }

    /// <summary>Budget figures and application counts of the programmes, one query for all of them.</summary>
    public async Task<Dictionary<Guid, BudgetStatus>> BudgetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.BudgetCny, p.ApprovedCny }).ToListAsync(ct);
        var counts = await db.ProgrammeApplications.AsNoTracking().Where(a => ids.Contains(a.ProgrammeId))
            .GroupBy(a => new { a.ProgrammeId, a.Status })
            .Select(g => new { g.Key.ProgrammeId, g.Key.Status, Count = g.Count(), Requested = g.Sum(a => a.RequestedCny) })
            .ToListAsync(ct);
        return programmes.ToDictionary(p => p.Id, p =>
        {
            int Count(ApplicationStatus s) => counts.Where(c => c.ProgrammeId == p.Id && c.Status == s).Sum(c => c.Count);
            var pendingRequested = counts.Where(c => c.ProgrammeId == p.Id && c.Status == ApplicationStatus.Pending).Sum(c => c.Requested);
            return new BudgetStatus(p.BudgetCny, p.ApprovedCny, p.BudgetCny - p.ApprovedCny, Count(ApplicationStatus.Pending), Count(ApplicationStatus.Approved),
                Count(ApplicationStatus.Rejected), Count(ApplicationStatus.Withdrawn), pendingRequested);
        });
    }

    internal ProgrammeSummary Summary(SupportProgramme p, BudgetStatus? budget, ApplicationStatus? mine) =>
        new(p.Id, p.NameZh, p.NameEn, p.RegionCode, ProgrammeNames.Region(p.RegionCode), p.BudgetCny, p.MaxPerApplicationCny,
            p.OpensOn, p.ClosesOn, IsOpen(p), budget, mine);

    private ProgrammeView View(SupportProgramme p, bool canManage, BudgetStatus? budget, EligibilityView? eligibility, ApplicationView? mine) =>
        new(p.Id, p.NameZh, p.NameEn, p.DescriptionZh, p.DescriptionEn, p.RegionCode, ProgrammeNames.Region(p.RegionCode), p.BudgetCny,
            p.MaxPerApplicationCny, p.OpensOn, p.ClosesOn, IsOpen(p), ProgrammeJson.Read(p.RulesJson), p.CreatedAt, p.UpdatedAt,
            canManage, budget, eligibility, mine);

    private static BudgetStatus Empty(SupportProgramme p) => new(p.BudgetCny, p.ApprovedCny, p.BudgetCny - p.ApprovedCny, 0, 0, 0, 0, 0);

    private async Task<Enterprise?> OwnEnterpriseAsync(Viewer viewer, CancellationToken ct) =>
        viewer.EnterpriseId is { } id ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) : null;

    /// <summary>Validator messages in the reader's language.</summary>
    public static Dictionary<string, string[]> Localize(Dictionary<string, List<LocalizedText>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => UiText.Pick(m.Zh, m.En)).ToArray());
}
