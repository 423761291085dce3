using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Programmes;

/// <summary>
/// Applications to support programmes: an enterprise applies and withdraws; administrators in scope list, review,
/// approve (reserving budget atomically, see <see cref="ProgrammeBudget"/>) and reject.
/// </summary>
public sealed class ApplicationService(PlatformDbContext db, ProgrammeService programmes, TimeProvider clock, Enterprises.Audit.AdminReadLog readLog, Core.Catalog.ScenarioLibrary? scenarios = null)
{
    /// <summary>
    /// An enterprise of the programme's region applies. Refused with 422 (reasons by topic) when the programme is not
    /// open or the enterprise does not meet its rules; 409 when it already has an application that is not withdrawn.
    /// </summary>
    public async Task<Outcome<ApplicationView>> ApplyAsync(Viewer viewer, Guid programmeId, ApplicationInput input, CancellationToken ct = default)
    {
        if (!viewer.IsEnterpriseUser)
            return Outcome<ApplicationView>.Forbidden(UiText.Pick("只有企业用户可以申请扶持项目。", "Only enterprise users apply to support programmes."));
        var enterprise = viewer.EnterpriseId is { } eid ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eid, ct) : null;
        if (enterprise is null)
            return Outcome<ApplicationView>.Conflict(UiText.Pick("请先登记企业档案，再申请扶持项目。", "Register your enterprise profile before applying."));
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (p is null || !ProgrammeService.RegionsAbove(enterprise.RegionCode).Contains(p.RegionCode)) return Outcome<ApplicationView>.NotFound();

        var errors = ProgrammeValidator.Validate(input, p);
        if (Blank(input.ScenarioId) is { } scenarioId && scenarioId.Length <= 80 && scenarios is not null && scenarios.Find(scenarioId) is null)
            errors[ProgrammeFields.ScenarioId] = [new($"没有编号为“{scenarioId}”的转型场景。", $"There is no transformation scenario \"{scenarioId}\".")];
        if (input.ProjectId is { } projectId && !await db.Projects.AnyAsync(x => x.Id == projectId && x.EnterpriseId == enterprise.Id, ct))
            errors[ProgrammeFields.ProjectId] = [new("所选项目不是本企业的转型项目。", "The project chosen is not one of your enterprise's projects.")];
        if (errors.Count > 0) return Outcome<ApplicationView>.Invalid(ProgrammeService.Localize(errors));

        var reasons = new Dictionary<string, string[]>();
        var today = programmes.Today();
        if (today < p.OpensOn)
            reasons["period"] = [UiText.Pick($"申报期尚未开始：{p.OpensOn:yyyy-MM-dd} 起可申请。", $"Applications open on {p.OpensOn:yyyy-MM-dd}.")];
        else if (today > p.ClosesOn)
            reasons["period"] = [UiText.Pick($"申报期已于 {p.ClosesOn:yyyy-MM-dd} 截止。", $"Applications closed on {p.ClosesOn:yyyy-MM-dd}.")];
        var eligibility = await programmes.EligibilityAsync(p, enterprise, ct);
        var unmet = eligibility.Rules.Where(r => !r.Met).Select(r => UiText.Pick(
            $"{r.Requirement.Zh}（本企业：{r.Actual.Zh}）", $"{r.Requirement.En} (yours: {r.Actual.En})")).ToArray();
        if (unmet.Length > 0) reasons["eligibility"] = unmet;
        if (reasons.Count > 0)
            return Outcome<ApplicationView>.Unprocessable(UiText.Pick("暂不能申请该项目：", "You cannot apply to this programme: ") + string.Join(" ", reasons.Values.SelectMany(v => v)), reasons);

        var now = clock.GetUtcNow().UtcDateTime;
        var (amount, purpose, scenario, project) = (input.RequestedCny!.Value, input.Purpose!.Trim(), Blank(input.ScenarioId), input.ProjectId);
        // a withdrawn application is reopened rather than a second one added
        var reopened = await db.ProgrammeApplications
            .Where(a => a.ProgrammeId == programmeId && a.EnterpriseId == enterprise.Id && a.Status == ApplicationStatus.Withdrawn)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Pending).SetProperty(a => a.RequestedCny, amount)
                .SetProperty(a => a.Purpose, purpose).SetProperty(a => a.ScenarioId, scenario).SetProperty(a => a.ProjectId, project)
                .SetProperty(a => a.GrantedCny, (long?)null).SetProperty(a => a.ReviewComment, (string?)null).SetProperty(a => a.ReviewedBy, (string?)null)
                .SetProperty(a => a.ReviewedAt, (DateTime?)null).SetProperty(a => a.CreatedAt, now).SetProperty(a => a.UpdatedAt, now), ct);
        Guid id;
        if (reopened == 1)
            id = await db.ProgrammeApplications.Where(a => a.ProgrammeId == programmeId && a.EnterpriseId == enterprise.Id).Select(a => a.Id).FirstAsync(ct);
        else
        {
            var application = new ProgrammeApplication
            {
                ProgrammeId = programmeId, EnterpriseId = enterprise.Id, RequestedCny = amount, Purpose = purpose, ScenarioId = scenario,
                ProjectId = project, CreatedAt = now, UpdatedAt = now,
            };
            db.ProgrammeApplications.Add(application);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return Outcome<ApplicationView>.Conflict(UiText.Pick("本企业已申请过该项目。", "Your enterprise has already applied to this programme."));
            }
            id = application.Id;
        }
        return Outcome<ApplicationView>.Ok((await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id), ct))[0]);
    }

    /// <summary>The enterprise withdraws its own application while it is pending.</summary>
    public async Task<Outcome<ApplicationView>> WithdrawAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var own = await OwnAsync(viewer, id, ct);
        if (own is null) return Outcome<ApplicationView>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ProgrammeApplications.Where(a => a.Id == id && a.Status == ApplicationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.UpdatedAt, now), ct);
        if (changed == 0) return Outcome<ApplicationView>.Conflict(UiText.Pick("只有待审核的申请可以撤回。", "Only a pending application can be withdrawn."));
        return Outcome<ApplicationView>.Ok((await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id), ct))[0]);
    }

    /// <summary>An application for its own enterprise (no review data); administrators use <see cref="ReviewAsync"/>.</summary>
    public async Task<Outcome<ApplicationView>> GetOwnAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        await OwnAsync(viewer, id, ct) is { } view ? Outcome<ApplicationView>.Ok(view) : Outcome<ApplicationView>.NotFound();

    /// <summary>The applications to a programme in scope, oldest pending first then newest, filtered by status, paged.</summary>
    public async Task<Outcome<PagedList<ApplicationView>>> ListAsync(Viewer viewer, Guid programmeId, ApplicationStatus? status, Paging paging, CancellationToken ct = default)
    {
        var query = await ScopedAsync(viewer, programmeId, status, ct);
        if (query is null) return Outcome<PagedList<ApplicationView>>.NotFound();
        var total = await query.CountAsync(ct);
        var page = await ViewsAsync(db, query.OrderBy(a => a.Status == ApplicationStatus.Pending ? 0 : 1).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize), ct);
        return Outcome<PagedList<ApplicationView>>.Ok(new PagedList<ApplicationView>(page, paging.Page, paging.PageSize, total));
    }

    /// <summary>Every application of a programme in scope (filtered), for the export, in the list's order.</summary>
    public async Task<Outcome<IReadOnlyList<ExportRow>>> ExportRowsAsync(Viewer viewer, Guid programmeId, ApplicationStatus? status, CancellationToken ct = default)
    {
        var query = await ScopedAsync(viewer, programmeId, status, ct);
        if (query is null) return Outcome<IReadOnlyList<ExportRow>>.NotFound();
        var rows = await (from a in query
                          join e in db.Enterprises.AsNoTracking() on a.EnterpriseId equals e.Id
                          orderby a.Status == ApplicationStatus.Pending ? 0 : 1, a.CreatedAt descending, a.Id
                          select new ExportRow(a.Id, e.Name, e.CreditCode, e.RegionCode, e.SizeClass, a.RequestedCny, a.GrantedCny, a.Status,
                              a.Purpose, a.CreatedAt, a.ReviewedAt, a.ReviewComment)).ToListAsync(ct);
        return Outcome<IReadOnlyList<ExportRow>>.Ok(rows);
    }

    /// <summary>
    /// An administrator in scope opens an application: the application, the programme's budget, the enterprise's profile
    /// summary and its eligibility re-checked now. This is the administrator's read of enterprise detail in this
    /// capability; <see cref="ReadEnterpriseForReviewAsync"/> is the one place it happens.
    /// </summary>
    public async Task<Outcome<ApplicationReview>> ReviewAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var application = await db.ProgrammeApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<ApplicationReview>.NotFound();
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == application.ProgrammeId, ct);
        if (p is null || !ProgrammeService.Manages(viewer, p.RegionCode)) return Outcome<ApplicationReview>.NotFound();
        var enterprise = await ReadEnterpriseForReviewAsync(viewer, application, ct);
        if (enterprise is null) return Outcome<ApplicationReview>.NotFound();
        var view = (await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id), ct))[0];
        var budget = (await programmes.BudgetsAsync([p.Id], ct))[p.Id];
        var eligibility = await programmes.EligibilityAsync(p, enterprise, ct);
        var latest = await db.Results.AsNoTracking().Where(r => r.EnterpriseId == enterprise.Id && r.IsLatest).OrderBy(r => r.ModelId)
            .Select(r => new LatestResult(r.Id, r.ModelId, r.Level, r.Score, r.SubmittedAt)).ToListAsync(ct);
        var summary = new EnterpriseSummary(enterprise.Id, enterprise.Name, enterprise.CreditCode, enterprise.IndustryCode, ProgrammeNames.Industry(enterprise.IndustryCode),
            enterprise.RegionCode, ProgrammeNames.Region(enterprise.RegionCode), enterprise.SizeClass, enterprise.Employees, enterprise.AnnualRevenueCny, latest);
        return Outcome<ApplicationReview>.Ok(new ApplicationReview(view, programmes.Summary(p, budget, null), summary, eligibility));
    }

    /// <summary>
    /// THE read of an applicant enterprise's detail by an administrator (profile, results, eligibility), used by the
    /// review API and page alike. An audit record of admin reads belongs here, once, at this call.
    /// </summary>
    private async Task<Enterprise?> ReadEnterpriseForReviewAsync(Viewer viewer, ProgrammeApplication application, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == application.EnterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        await readLog.RecordAsync(viewer, enterprise.Id, Enterprises.Audit.AdminReadKinds.SupportApplication, application.Id.ToString(), ct);
        return enterprise;
    }

    /// <summary>
    /// Approves a pending application, granting the amount requested or less. In one transaction: the application moves
    /// from pending (a conditional UPDATE, so a second approval finds nothing to move) and the programme's approved total
    /// grows only if the grant still fits (a conditional UPDATE); either failing rolls both back and answers 409.
    /// </summary>
    public async Task<Outcome<ApplicationView>> ApproveAsync(Viewer viewer, Guid id, ApprovalInput input, CancellationToken ct = default)
    {
        var application = await db.ProgrammeApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<ApplicationView>.NotFound();
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == application.ProgrammeId, ct);
        if (p is null || !ProgrammeService.Manages(viewer, p.RegionCode)) return Outcome<ApplicationView>.NotFound();
        var granted = input.GrantedCny ?? application.RequestedCny;
        if (granted <= 0 || granted > application.RequestedCny)
            return Outcome<ApplicationView>.Invalid(ProgrammeFields.GrantedCny, UiText.Pick(
                $"批准金额须大于 0 元且不超过申请金额 {application.RequestedCny} 元。", $"The amount granted must be above CNY 0 and at most the CNY {application.RequestedCny} requested."));
        var comment = Blank(input.Comment);
        if (comment is { Length: > ProgrammeLimits.Comment })
            return Outcome<ApplicationView>.Invalid(ProgrammeFields.Comment, UiText.Pick($"审核意见最多 {ProgrammeLimits.Comment} 个字符。", $"The comment may have at most {ProgrammeLimits.Comment} characters."));

        var now = clock.GetUtcNow().UtcDateTime;
        var reviewer = viewer.UserId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var moved = await db.ProgrammeApplications.Where(a => a.Id == id && a.Status == ApplicationStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Approved).SetProperty(a => a.GrantedCny, granted)
                    .SetProperty(a => a.ReviewComment, comment).SetProperty(a => a.ReviewedBy, reviewer)
                    .SetProperty(a => a.ReviewedAt, now).SetProperty(a => a.UpdatedAt, now), ct);
            if (moved == 0)
            {
                await tx.RollbackAsync(ct);
                return Outcome<ApplicationView>.Conflict(UiText.Pick("该申请已不是待审核状态，不能再批准。", "The application is no longer pending and cannot be approved."));
            }
            if (!await ProgrammeBudget.TryReserveAsync(db, p.Id, granted, ct))
            {
                await tx.RollbackAsync(ct);
                var remaining = await ProgrammeBudget.RemainingAsync(db, p.Id, ct) ?? 0;
                return Outcome<ApplicationView>.Conflict(UiText.Pick(
                    $"预算不足：剩余 {remaining} 元，不够批准 {granted} 元。", $"Not enough budget: CNY {remaining} remain, too little to grant CNY {granted}."));
            }
            await tx.CommitAsync(ct);
        }
        return Outcome<ApplicationView>.Ok((await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id), ct))[0]);
    }

    /// <summary>Rejects a pending application with a comment the enterprise will read.</summary>
    public async Task<Outcome<ApplicationView>> RejectAsync(Viewer viewer, Guid id, RejectionInput input, CancellationToken ct = default)
    {
        var application = await db.ProgrammeApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<ApplicationView>.NotFound();
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == application.ProgrammeId, ct);
        if (p is null || !ProgrammeService.Manages(viewer, p.RegionCode)) return Outcome<ApplicationView>.NotFound();
        var comment = Blank(input.Comment);
        if (comment is null)
            return Outcome<ApplicationView>.Invalid(ProgrammeFields.Comment, UiText.Pick("驳回时须填写审核意见。", "A comment is required to reject an application."));
        if (comment.Length > ProgrammeLimits.Comment)
            return Outcome<ApplicationView>.Invalid(ProgrammeFields.Comment, UiText.Pick($"审核意见最多 {ProgrammeLimits.Comment} 个字符。", $"The comment may have at most {ProgrammeLimits.Comment} characters."));
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewer = viewer.UserId;
        var moved = await db.ProgrammeApplications.Where(a => a.Id == id && a.Status == ApplicationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected).SetProperty(a => a.ReviewComment, comment)
                .SetProperty(a => a.ReviewedBy, reviewer).SetProperty(a => a.ReviewedAt, now).SetProperty(a => a.UpdatedAt, now), ct);
        if (moved == 0) return Outcome<ApplicationView>.Conflict(UiText.Pick("该申请已不是待审核状态，不能再驳回。", "The application is no longer pending and cannot be rejected."));
        return Outcome<ApplicationView>.Ok((await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id), ct))[0]);
    }

    private async Task<IQueryable<ProgrammeApplication>?> ScopedAsync(Viewer viewer, Guid programmeId, ApplicationStatus? status, CancellationToken ct)
    {
        var region = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => p.RegionCode).FirstOrDefaultAsync(ct);
        if (region is null || !ProgrammeService.Manages(viewer, region)) return null;
        var query = db.ProgrammeApplications.AsNoTracking().Where(a => a.ProgrammeId == programmeId);
        if (status is { } s) query = query.Where(a => a.Status == s);
        return query;
    }

    private async Task<ApplicationView?> OwnAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        if (!viewer.IsEnterpriseUser || viewer.EnterpriseId is not { } enterpriseId) return null;
        var views = await ViewsAsync(db, db.ProgrammeApplications.Where(a => a.Id == id && a.EnterpriseId == enterpriseId), ct);
        return views.Count == 0 ? null : views[0];
    }

    /// <summary>The applications of a query with their programme's and enterprise's names.</summary>
    internal static async Task<List<ApplicationView>> ViewsAsync(PlatformDbContext db, IQueryable<ProgrammeApplication> query, CancellationToken ct) =>
        await (from a in query.AsNoTracking()
               join p in db.Programmes.AsNoTracking() on a.ProgrammeId equals p.Id
               join e in db.Enterprises.AsNoTracking() on a.EnterpriseId equals e.Id
               select new ApplicationView(a.Id, a.ProgrammeId, p.NameZh, p.NameEn, a.EnterpriseId, e.Name, a.RequestedCny, a.GrantedCny, a.Purpose,
                   a.ScenarioId, a.ProjectId, a.Status, a.ReviewComment, a.ReviewedAt, a.CreatedAt, a.UpdatedAt)).ToListAsync(ct);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One row of the applications export.</summary>
public sealed record ExportRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, Core.Enterprises.SizeClass SizeClass,
    long RequestedCny, long? GrantedCny, ApplicationStatus Status, string Purpose, DateTime CreatedAt, DateTime? ReviewedAt, string? ReviewComment);
