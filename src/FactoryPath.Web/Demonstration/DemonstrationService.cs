using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Enterprises;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using FactoryPath.Web.Production;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demonstration;

/// <summary>An application refused because the enterprise does not meet every rule of the tier (422 with the unmet rules).</summary>
public sealed record ApplyOutcome(Outcome<DemonstrationApplication> Outcome, EligibilityReport? Ineligible);

/// <summary>
/// The demonstration registry: enterprises see their eligibility per tier and apply with a statement and an evidence
/// snapshot; administrators of the enterprise's region review (approve, reject, return for changes) with comments.
/// Another region's administrator never sees an application (404).
/// </summary>
public sealed class DemonstrationService(
    PlatformDbContext db, DemonstrationTierCatalog tiers, EvidenceService evidence, ProductionService production, AdminReadLog reads, TimeProvider clock)
{
    public const int MaxText = 4000;

    public DemonstrationTierCatalog Catalog => tiers;

    /// <summary>The facts the tier rules are checked against: the profile and the latest result of each model.</summary>
    public async Task<EligibilityFacts> FactsAsync(Enterprise enterprise, CancellationToken ct = default)
    {
        var latest = await db.Results.AsNoTracking().Where(r => r.EnterpriseId == enterprise.Id && r.IsLatest).ToListAsync(ct);
        var facts = latest.Select(r => ResultFacts.From(AssessmentService.Details(r), new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc)))).ToList();
        return new EligibilityFacts(enterprise.SizeClass, enterprise.IndustryCode, enterprise.RegionCode, facts);
    }

    /// <summary>Every tier with the enterprise's eligibility, open application and recognition; null when the viewer may not read the enterprise.</summary>
    public async Task<IReadOnlyList<TierStanding>?> StandingsAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        var facts = await FactsAsync(enterprise, ct);
        var apps = await db.DemonstrationApplications.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return tiers.Tiers.Select(t => new TierStanding(t, EligibilityRules.Evaluate(t.EligibilityRules, facts, now),
            apps.FirstOrDefault(a => a.Tier == t.Tier && a.IsOpen),
            apps.Where(a => a.Tier == t.Tier && a.Status == ApplicationStatus.Approved).OrderByDescending(a => a.DecidedAt).FirstOrDefault())).ToList();
    }

    /// <summary>
    /// The tiers an enterprise holds (approved applications), newest decision first, each with the region of the
    /// administrator who approved it; null when the viewer may not read the enterprise.
    /// </summary>
    public async Task<IReadOnlyList<Recognition>?> RecognitionsAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        var approved = await db.DemonstrationApplications.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId && a.Status == ApplicationStatus.Approved)
            .OrderByDescending(a => a.DecidedAt).ThenBy(a => a.Tier).ToListAsync(ct);
        var deciders = approved.Select(a => a.DecidedByUserId).OfType<string>().Distinct().ToList();
        var regions = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).Select(u => new { u.Id, u.RegionCode }).ToDictionaryAsync(u => u.Id, u => u.RegionCode, ct);
        return approved.Select(a => new Recognition(a, tiers.Find(a.Tier),
            a.DecidedByUserId is { } by && regions.TryGetValue(by, out var region)
                ? region is null ? RecognitionReviewer.Operator : RecognitionReviewer.Region
                : RecognitionReviewer.Unknown,
            a.DecidedByUserId is { } id ? regions.GetValueOrDefault(id) : null)).ToList();
    }

    /// <summary>The enterprise's applications, newest first; null when the viewer may not read the enterprise.</summary>
    public async Task<IReadOnlyList<DemonstrationApplication>?> ListOwnAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return null;
        return await db.DemonstrationApplications.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId)
            .OrderByDescending(a => a.UpdatedAt).ToListAsync(ct);
    }

    /// <summary>Applies for a tier: only the enterprise itself, when it meets every rule and has no open application for the tier.</summary>
    public async Task<ApplyOutcome> ApplyAsync(Viewer viewer, Guid enterpriseId, DemonstrationTier? tier, string? statement, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return new(Outcome<DemonstrationApplication>.NotFound(), null);
        if (viewer.EnterpriseId != enterpriseId)
            return new(Outcome<DemonstrationApplication>.Forbidden(UiText.Pick("只有企业本身可以申报。", "Only the enterprise itself can apply.")), null);
        var errors = new Dictionary<string, string[]>();
        TierDefinition? definition = null;
        if (tier is null) errors["tier"] = [UiText.Pick("请选择申报层级。", "Choose the tier to apply for.")];
        else if ((definition = tiers.Find(tier.Value)) is null) errors["tier"] = [UiText.Pick($"层级 {tier} 不开放申报。", $"The tier {tier} is not open for applications.")];
        if (StatementError(statement) is { } error) errors["statement"] = [error];
        if (errors.Count > 0) return new(Outcome<DemonstrationApplication>.Invalid(errors), null);

        var report = EligibilityRules.Evaluate(definition!.EligibilityRules, await FactsAsync(enterprise, ct), clock.GetUtcNow());
        if (!report.Eligible) return new(Outcome<DemonstrationApplication>.Invalid("tier", UiText.Pick("尚未满足申报条件。", "The tier's rules are not all met.")), report);
        if (await db.DemonstrationApplications.AnyAsync(a => a.EnterpriseId == enterpriseId && a.Tier == tier &&
                (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Returned), ct))
            return new(Outcome<DemonstrationApplication>.Conflict(OpenConflict), null);

        var now = clock.GetUtcNow().UtcDateTime;
        var application = new DemonstrationApplication
        {
            EnterpriseId = enterpriseId, Tier = tier!.Value, Status = ApplicationStatus.Submitted, Statement = statement!.Trim(),
            EvidenceJson = (await SnapshotAsync(enterpriseId, ct)).Serialize(), SubmittedByUserId = viewer.UserId,
            CreatedAt = now, SubmittedAt = now, UpdatedAt = now,
        };
        db.DemonstrationApplications.Add(application);
        db.DemonstrationComments.Add(Entry(viewer, application.Id, ApplicationStatus.Submitted, application.Statement, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // a second submission for the same tier that raced this one to the open-application index
            db.ChangeTracker.Clear();
            return new(Outcome<DemonstrationApplication>.Conflict(OpenConflict), null);
        }
        return new(Outcome<DemonstrationApplication>.Ok(application), null);
    }

    private static string OpenConflict => UiText.Pick("该层级已有一份审核中的申报，请等待审核结果或先撤回。",
        "There is already an open application for this tier; wait for its decision or withdraw it first.");

    /// <summary>Submits an application returned for changes again, with a new statement and a new evidence snapshot.</summary>
    public async Task<ApplyOutcome> ResubmitAsync(Viewer viewer, Guid id, string? statement, CancellationToken ct = default)
    {
        var found = await OwnedAsync(viewer, id, ct);
        if (!found.IsOk) return new(found, null);
        var application = found.Value!;
        if (application.Status != ApplicationStatus.Returned)
            return new(Outcome<DemonstrationApplication>.Conflict(UiText.Pick("只有退回修改的申报可以重新提交。", "Only an application returned for changes can be submitted again.")), null);
        if (StatementError(statement) is { } error) return new(Outcome<DemonstrationApplication>.Invalid("statement", error), null);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        var report = EligibilityRules.Evaluate(tiers.Find(application.Tier)?.EligibilityRules ?? [], await FactsAsync(enterprise, ct), clock.GetUtcNow());
        if (!report.Eligible) return new(Outcome<DemonstrationApplication>.Invalid("tier", UiText.Pick("尚未满足申报条件。", "The tier's rules are not all met.")), report);
        var now = clock.GetUtcNow().UtcDateTime;
        application.Statement = statement!.Trim();
        application.EvidenceJson = (await SnapshotAsync(application.EnterpriseId, ct)).Serialize();
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = now;
        return new(await SaveChangeAsync(application, Entry(viewer, application.Id, ApplicationStatus.Submitted, application.Statement, now), now, ct), null);
    }

    /// <summary>Withdraws an open application (submitted or returned); only the enterprise itself.</summary>
    public async Task<Outcome<DemonstrationApplication>> WithdrawAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await OwnedAsync(viewer, id, ct);
        if (!found.IsOk) return found;
        var application = found.Value!;
        if (!application.IsOpen)
            return Outcome<DemonstrationApplication>.Conflict(UiText.Pick("只有审核中的申报可以撤回。", "Only an application under review can be withdrawn."));
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = ApplicationStatus.Withdrawn;
        return await SaveChangeAsync(application, Entry(viewer, application.Id, ApplicationStatus.Withdrawn, UiText.Pick("企业撤回了申报。", "The enterprise withdrew the application."), now), now, ct);
    }

    /// <summary>
    /// Approves, rejects or returns a submitted application with a comment (required to reject or return). Only an
    /// administrator of the enterprise's region at the tier's review level, or the operator.
    /// </summary>
    public async Task<Outcome<DemonstrationApplication>> DecideAsync(Viewer viewer, Guid id, ApplicationStatus? decision, string? comment, CancellationToken ct = default)
    {
        var application = await db.DemonstrationApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<DemonstrationApplication>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<DemonstrationApplication>.NotFound();
        if (ReviewRefusal(viewer, enterprise, application) is { } refusal) return Outcome<DemonstrationApplication>.Forbidden(refusal);
        if (decision is not (ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Returned))
            return Outcome<DemonstrationApplication>.Invalid("decision", UiText.Pick("决定须为 approved、rejected 或 returned。", "The decision must be approved, rejected or returned."));
        var text = comment?.Trim() ?? "";
        if (text.Length == 0 && decision != ApplicationStatus.Approved)
            return Outcome<DemonstrationApplication>.Invalid("comment", UiText.Pick("驳回或退回时须填写意见。", "A comment is required to reject or return an application."));
        if (text.Length > MaxText)
            return Outcome<DemonstrationApplication>.Invalid("comment", UiText.Pick($"意见不能超过 {MaxText} 个字符。", $"The comment must be at most {MaxText} characters."));
        if (application.Status != ApplicationStatus.Submitted)
            return Outcome<DemonstrationApplication>.Conflict(UiText.Pick("该申报当前不在待审核状态。", "The application is not waiting for a decision."));
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = decision.Value;
        application.DecidedAt = now;
        application.DecidedByUserId = viewer.UserId;
        if (text.Length == 0) text = UiText.Pick("同意。", "Approved.");
        return await SaveChangeAsync(application, Entry(viewer, application.Id, decision.Value, text, now), now, ct);
    }

    /// <summary>Adds a remark to the thread; the enterprise and the administrators who may read the application.</summary>
    public async Task<Outcome<ApplicationComment>> CommentAsync(Viewer viewer, Guid id, string? text, CancellationToken ct = default)
    {
        var application = await db.DemonstrationApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<ApplicationComment>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<ApplicationComment>.NotFound();
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxText)
            return Outcome<ApplicationComment>.Invalid("text", UiText.Pick($"留言须为 1 到 {MaxText} 个字符。", $"The comment must be 1 to {MaxText} characters."));
        var entry = Entry(viewer, id, null, trimmed, clock.GetUtcNow().UtcDateTime);
        db.DemonstrationComments.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationComment>.Ok(entry);
    }

    /// <summary>An application with its evidence, thread and eligibility checked again now; an administrator's read is logged (unless <paramref name="logRead"/> is false: the page's own form posts).</summary>
    public async Task<Outcome<ApplicationDetail>> DetailAsync(Viewer viewer, Guid id, CancellationToken ct = default, bool logRead = true)
    {
        var application = await db.DemonstrationApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<ApplicationDetail>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<ApplicationDetail>.NotFound();
        var definition = tiers.Find(application.Tier)
            ?? throw new InvalidOperationException($"Application {application.Id} is for tier {application.Tier}, which the tier file no longer lists.");
        var comments = await db.DemonstrationComments.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var now = EligibilityRules.Evaluate(definition.EligibilityRules, await FactsAsync(enterprise, ct), clock.GetUtcNow());
        var isOwner = viewer.EnterpriseId == enterprise.Id;
        var refusal = isOwner ? null : ReviewRefusal(viewer, enterprise, application);
        if (logRead) await reads.RecordAsync(viewer, enterprise.Id, AdminReadKinds.DemonstrationApplication, application.Id.ToString(), ct);
        return Outcome<ApplicationDetail>.Ok(new ApplicationDetail(application, enterprise, definition, EvidenceSnapshot.Parse(application.EvidenceJson), now, comments,
            isOwner, !isOwner && refusal is null && application.Status == ApplicationStatus.Submitted, isOwner ? null : refusal));
    }

    /// <summary>Applications of the enterprises in the administrator's region (the operator: all), newest submission first.</summary>
    public async Task<Outcome<PagedList<ApplicationRow>>> ReviewListAsync(Viewer viewer, ApplicationFilter filter, Paging paging, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin)
            return Outcome<PagedList<ApplicationRow>>.Forbidden(UiText.Pick("只有区域管理员和平台运营方可以审核申报。", "Only regional administrators and the operator review applications."));
        var query = Query(viewer, filter);
        var total = await query.CountAsync(ct);
        var items = await Ordered(query).Skip(paging.Skip).Take(paging.PageSize).Select(r => new ApplicationRow(r.Application, r.Name, r.RegionCode)).ToListAsync(ct);
        return Outcome<PagedList<ApplicationRow>>.Ok(new PagedList<ApplicationRow>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>Every row of the review list for an export, in the list's order (at most 10,000).</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ReviewRowsAsync(Viewer viewer, ApplicationFilter filter, CancellationToken ct = default) =>
        !viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin ? []
            : await Ordered(Query(viewer, filter)).Take(10_000).Select(r => new ApplicationRow(r.Application, r.Name, r.RegionCode)).ToListAsync(ct);

    private sealed class Joined
    {
        public required DemonstrationApplication Application { get; init; }
        public required string Name { get; init; }
        public required string RegionCode { get; init; }
    }

    private IQueryable<Joined> Query(Viewer viewer, ApplicationFilter filter)
    {
        var apps = db.DemonstrationApplications.AsNoTracking().AsQueryable();
        if (filter.Status is { } status) apps = apps.Where(a => a.Status == status);
        if (filter.Tier is { } tier) apps = apps.Where(a => a.Tier == tier);
        return from a in apps
               join e in viewer.Readable(db.Enterprises.AsNoTracking()) on a.EnterpriseId equals e.Id
               select new Joined { Application = a, Name = e.Name, RegionCode = e.RegionCode };
    }

    private static IQueryable<Joined> Ordered(IQueryable<Joined> query) =>
        query.OrderByDescending(r => r.Application.SubmittedAt).ThenBy(r => r.Application.Id);

    /// <summary>Why this viewer may not decide on the application (null: it may), for a viewer who may read the enterprise.</summary>
    public string? ReviewRefusal(Viewer viewer, Enterprise enterprise, DemonstrationApplication application)
    {
        if (viewer.IsPlatformAdmin) return null;
        if (!viewer.IsRegionalAdmin || !RegionScope.Contains(viewer.RegionCode, enterprise.RegionCode))
            return UiText.Pick("只有企业所在地区的管理员可以审核申报。", "Only the administrators of the enterprise's region review applications.");
        var level = RegionCode.LevelOf(viewer.RegionCode);
        var review = tiers.Find(application.Tier)?.Review ?? TierReview.National;
        var allowed = review switch
        {
            TierReview.Prefecture => level is RegionLevel.Province or RegionLevel.Prefecture,
            TierReview.Province => level is RegionLevel.Province,
            _ => false,
        };
        if (allowed) return null;
        var who = TierDefinition.ReviewName(review);
        return UiText.Pick($"该层级由{who.Zh}审核。", $"This tier is reviewed by the {who.En.ToLowerInvariant()}.");
    }

    private async Task<Outcome<DemonstrationApplication>> OwnedAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        var application = await db.DemonstrationApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return Outcome<DemonstrationApplication>.NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        if (!viewer.CanRead(enterprise)) return Outcome<DemonstrationApplication>.NotFound();
        if (viewer.EnterpriseId != enterprise.Id)
            return Outcome<DemonstrationApplication>.Forbidden(UiText.Pick("只有申报企业本身可以这样做。", "Only the applying enterprise can do this."));
        return Outcome<DemonstrationApplication>.Ok(application);
    }

    private async Task<Outcome<DemonstrationApplication>> SaveChangeAsync(DemonstrationApplication application, ApplicationComment entry, DateTime now, CancellationToken ct)
    {
        application.UpdatedAt = now;
        application.Version++;
        db.DemonstrationComments.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<DemonstrationApplication>.Conflict(UiText.Pick("该申报刚被他人更改，请刷新后再试。", "The application was changed meanwhile; reload it and try again."));
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Outcome<DemonstrationApplication>.Conflict(OpenConflict);
        }
        return Outcome<DemonstrationApplication>.Ok(application);
    }

    private static ApplicationComment Entry(Viewer viewer, Guid applicationId, ApplicationStatus? decision, string text, DateTime at) => new()
    {
        ApplicationId = applicationId, At = at, AuthorUserId = viewer.UserId, AuthorName = viewer.Email,
        AuthorRole = viewer.IsPlatformAdmin ? "operator" : viewer.IsRegionalAdmin && viewer.EnterpriseId is null ? "regional" : "enterprise",
        Decision = decision, Text = text,
    };

    private static string? StatementError(string? statement)
    {
        var length = statement?.Trim().Length ?? 0;
        return length is 0 or > MaxText
            ? UiText.Pick($"申报说明须为 1 到 {MaxText} 个字符。", $"The statement must be 1 to {MaxText} characters.")
            : null;
    }

    /// <summary>The evidence frozen with a submission: latest results, equipment rates and 30 days of production KPIs.</summary>
    public async Task<EvidenceSnapshot> SnapshotAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var results = await db.Results.AsNoTracking().Where(r => r.EnterpriseId == enterpriseId && r.IsLatest)
            .OrderBy(r => r.ModelId).Select(r => new ResultEvidence(r.Id, r.ModelId, r.ModelVersion, r.Level, r.Score, r.SubmittedAt)).ToListAsync(ct);
        var live = await evidence.ForEnterpriseAsync(enterpriseId, ct);
        var equipment = live.Equipment is { Total: > 0 } e
            ? new EquipmentEvidence(e.Total, e.Digital, e.Networked, Math.Round(e.DigitalRate, 2), Math.Round(e.NetworkingRate, 2), e.MeasuredAt)
            : null;
        var summary = await production.SummaryAsync(enterpriseId, new ProductionRange(now.AddDays(-30), now), DashboardGroup.Site, ct);
        var kpi = summary.Total is { PlannedBusyMs: > 0 } t
            ? new ProductionEvidence(summary.From, summary.To, t.Oee, t.Availability, t.Effectiveness, t.Quality, t.Good, t.Scrap)
            : null;
        return new EvidenceSnapshot(now.UtcDateTime, results, equipment, kpi);
    }
}
