using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demands;

/// <summary>What the enterprise records at completion, and whether the project may become a demonstration case (and under its name).</summary>
public sealed record CompletionRequest(int? Rating, string? Comment, List<KpiOutcomeInput>? Kpis, bool? Consent = null, bool? Named = null)
{
    public CompletionInput ToInput() => new(Rating, Comment, Kpis);
}

/// <summary>Consent, given after completion, to show the project as a demonstration case; anonymised unless <see cref="Named"/>.</summary>
public sealed record ConsentRequest(bool? Named = null);

/// <summary>
/// Transformation projects: the provider starts one, the enterprise completes it with outcomes and a rating (which
/// recomputes the provider's rating), either side may cancel before completion, and with the enterprise's consent a
/// completed project becomes a demonstration case.
/// </summary>
public sealed class ProjectService(PlatformDbContext db, ScenarioLibrary library, ICatalogChanges catalog, TimeProvider clock)
{
    public const string Start = "start";
    public const string Complete = "complete";
    public const string Cancel = "cancel";
    public const string Consent = "consent";

    /// <summary>
    /// The projects of the viewer's enterprise or provider, of the enterprises of a regional admin's region (as it reads
    /// each of them), or all for the operator; newest first.
    /// </summary>
    public async Task<Outcome<PagedList<ProjectView>>> ListAsync(Viewer viewer, Paging paging, CancellationToken ct = default)
    {
        IQueryable<TransformationProject> query = db.Projects.AsNoTracking();
        if (viewer.IsPlatformAdmin) { }
        else if (viewer.IsRegionalAdmin)
            query = from p in query join e in viewer.Readable(db.Enterprises.AsNoTracking()) on p.EnterpriseId equals e.Id select p;
        else if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } enterpriseId) query = query.Where(p => p.EnterpriseId == enterpriseId);
        else if (viewer.IsEnterpriseUser) query = query.Where(_ => false);
        else if (viewer.IsProvider) query = query.Where(p => p.ProviderId == viewer.ProviderId);
        else return Outcome<PagedList<ProjectView>>.Forbidden(UiText.Pick("只有企业、服务商、地区管理员和平台运营可以查看项目列表。", "Only enterprises, providers, regional administrators and operators have a project list."));

        var total = await query.CountAsync(ct);
        var rows = await Joined(db, query).OrderByDescending(r => r.Project.CreatedAt).ThenBy(r => r.Project.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(r => ToView(r, viewer)).ToList();
        return Outcome<PagedList<ProjectView>>.Ok(new PagedList<ProjectView>(items, paging.Page, paging.PageSize, total));
    }

    public async Task<Outcome<ProjectView>> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        await ViewAsync(db, viewer, id, ct) is { } view ? Outcome<ProjectView>.Ok(view) : Outcome<ProjectView>.NotFound();

    /// <summary>The provider starts a planned project.</summary>
    public Task<Outcome<ProjectView>> StartAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        MoveAsync(viewer, id, Start, (project, _) =>
        {
            project.Status = ProjectStatus.InProgress;
            return Task.FromResult<IReadOnlyDictionary<string, string[]>?>(null);
        }, ct);

    /// <summary>Either side cancels a project that is not yet completed.</summary>
    public Task<Outcome<ProjectView>> CancelAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        MoveAsync(viewer, id, Cancel, (project, _) =>
        {
            project.Status = ProjectStatus.Cancelled;
            return Task.FromResult<IReadOnlyDictionary<string, string[]>?>(null);
        }, ct);

    /// <summary>
    /// The enterprise completes a project in progress: outcome KPIs, a rating and a comment. The provider's rating becomes
    /// the mean over its rated completed projects. With consent, the project becomes a demonstration case at once.
    /// </summary>
    public async Task<Outcome<ProjectView>> CompleteAsync(Viewer viewer, Guid id, CompletionRequest request, CancellationToken ct = default)
    {
        Guid? caseId = null;
        var outcome = await MoveAsync(viewer, id, Complete, async (project, access) =>
        {
            var check = CompletionValidator.Validate(request.ToInput());
            if (!check.IsValid) return DemandErrorsText.ToFields(check);
            var now = clock.GetUtcNow().UtcDateTime;
            project.Status = ProjectStatus.Completed;
            project.CompletedAt = now;
            project.Rating = request.Rating!.Value;
            project.RatingComment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
            project.Outcomes = (request.Kpis ?? []).Select(k => new KpiChange
            {
                Indicator = KpiIndicators.Find(k.Indicator)!.Key, ChangePercent = k.ChangePercent!.Value, Before = k.Before, After = k.After,
                Unit = string.IsNullOrWhiteSpace(k.Unit) ? null : k.Unit.Trim(),
            }).ToList();
            await db.SaveChangesAsync(ct);
            await RecomputeRatingAsync(project.ProviderId, ct);
            if (request.Consent == true) caseId = await CreateCaseAsync(project, access.Enterprise, request.Named == true, now, ct);
            return null;
        }, ct);
        if (outcome.IsOk)
        {
            await catalog.ChangedAsync(SearchDocumentKinds.Provider, [outcome.Value!.ProviderId], ct);
            if (caseId is { } created) await catalog.ChangedAsync(SearchDocumentKinds.Case, [created], ct);
        }
        return outcome;
    }

    /// <summary>The enterprise consents, after completion, to its project becoming a demonstration case.</summary>
    public async Task<Outcome<ProjectView>> ConsentAsync(Viewer viewer, Guid id, ConsentRequest request, CancellationToken ct = default)
    {
        Guid? caseId = null;
        var outcome = await MoveAsync(viewer, id, Consent, async (project, access) =>
        {
            caseId = await CreateCaseAsync(project, access.Enterprise, request.Named == true, clock.GetUtcNow().UtcDateTime, ct);
            return null;
        }, ct);
        if (outcome.IsOk && caseId is { } created) await catalog.ChangedAsync(SearchDocumentKinds.Case, [created], ct);
        return outcome;
    }

    /// <summary>A project as the viewer may see it (with what it may do now); null when it does not exist or is not the viewer's.</summary>
    internal static async Task<ProjectView?> ViewAsync(PlatformDbContext db, Viewer viewer, Guid id, CancellationToken ct)
    {
        var row = await Joined(db, db.Projects.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var access = Roles(viewer, row.Project, row.Enterprise);
        return access.Reads ? ToView(row, viewer) : null;
    }

    private async Task<Outcome<ProjectView>> MoveAsync(Viewer viewer, Guid id, string action,
        Func<TransformationProject, ProjectAccess, Task<IReadOnlyDictionary<string, string[]>?>> apply, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (project is null) return Outcome<ProjectView>.NotFound();
            var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == project.EnterpriseId, ct);
            var access = Roles(viewer, project, enterprise);
            if (!access.Reads) return Outcome<ProjectView>.NotFound();
            if (!access.MayAttempt(action)) return Outcome<ProjectView>.Forbidden(WhoMay(action));
            if (!Allowed(project, action)) return Outcome<ProjectView>.Conflict(WhenMay(action));
            var errors = await apply(project, access);
            if (errors is not null)
            {
                db.ChangeTracker.Clear();
                return Outcome<ProjectView>.Invalid(errors);
            }
            project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return Outcome<ProjectView>.Ok((await ViewAsync(db, viewer, id, ct))!);
    }

    private async Task RecomputeRatingAsync(Guid providerId, CancellationToken ct)
    {
        var ratings = await db.Projects.Where(p => p.ProviderId == providerId && p.Status == ProjectStatus.Completed && p.Rating != null)
            .Select(p => p.Rating!.Value).ToListAsync(ct);
        var provider = await db.Providers.FirstAsync(p => p.Id == providerId, ct);
        provider.Rating = ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2);
        provider.RatedProjects = ratings.Count;
        provider.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task<Guid> CreateCaseAsync(TransformationProject project, Enterprise enterprise, bool named, DateTime now, CancellationToken ct)
    {
        var providerName = await db.Providers.Where(p => p.Id == project.ProviderId).Select(p => p.Name).FirstAsync(ct);
        var created = CaseFromProject.Build(project, enterprise, providerName, library, named, now);
        // case titles are unique; a second case of the same enterprise and title gets the project's short id
        if (await db.Cases.AnyAsync(c => c.TitleZh == created.TitleZh, ct))
        {
            var suffix = $"（{project.Id.ToString("N")[..8]}）";
            created.TitleZh = CaseFromProject.Fit(created.TitleZh, 200 - suffix.Length) + suffix;
        }
        db.Cases.Add(created);
        project.CaseConsent = true;
        project.CaseId = created.Id;
        return created.Id;
    }

    private static bool Allowed(TransformationProject project, string action) => action switch
    {
        Start => StatusTransitions.CanMove(project.Status, ProjectStatus.InProgress),
        Complete => StatusTransitions.CanMove(project.Status, ProjectStatus.Completed),
        Cancel => StatusTransitions.CanMove(project.Status, ProjectStatus.Cancelled),
        Consent => project.Status == ProjectStatus.Completed && project.CaseId is null,
        _ => false,
    };

    private static string WhoMay(string action) => action switch
    {
        Start => UiText.Pick("只有承接项目的服务商可以开始项目。", "Only the project's provider can start it."),
        Cancel => UiText.Pick("只有项目双方可以取消项目。", "Only the two parties of the project can cancel it."),
        _ => UiText.Pick("只有委托项目的企业可以做这一步。", "Only the enterprise that commissioned the project can do this."),
    };

    private static string WhenMay(string action) => action switch
    {
        Start => UiText.Pick("只有计划中的项目可以开始。", "Only a planned project can be started."),
        Complete => UiText.Pick("只有进行中的项目可以验收完成。", "Only a project in progress can be completed."),
        Cancel => UiText.Pick("已完成或已取消的项目不能再取消。", "A completed or cancelled project cannot be cancelled."),
        _ => UiText.Pick("只有已完成、尚未成为案例的项目可以授权为示范案例。", "Only a completed project that is not yet a case can be turned into one."),
    };

    private static ProjectAccess Roles(Viewer viewer, TransformationProject project, Enterprise enterprise) => new(
        Enterprise: enterprise,
        IsEnterprise: viewer.IsEnterpriseUser && viewer.EnterpriseId == project.EnterpriseId,
        IsProvider: viewer.IsProvider && viewer.ProviderId == project.ProviderId,
        IsOperator: viewer.IsPlatformAdmin,
        IsRegional: viewer.IsRegionalAdmin && viewer.CanRead(enterprise));

    private static ProjectView ToView(ProjectRow row, Viewer viewer)
    {
        var p = row.Project;
        var access = Roles(viewer, p, row.Enterprise);
        var actions = new[] { Start, Complete, Cancel, Consent }.Where(a => access.MayAttempt(a) && Allowed(p, a)).ToList();
        return new ProjectView(p.Id, p.DemandId, p.ProposalId, p.Title, p.Status, p.EnterpriseId, row.Enterprise.Name, p.ProviderId,
            row.ProviderName, p.SolutionId, p.Scenarios, p.PriceCny, p.CreatedAt, p.UpdatedAt, p.CompletedAt, p.Outcomes, p.Rating,
            p.RatingComment, p.CaseConsent, p.CaseId) { Actions = actions };
    }

    private static IQueryable<ProjectRow> Joined(PlatformDbContext db, IQueryable<TransformationProject> projects) =>
        from p in projects
        join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
        join v in db.Providers.AsNoTracking() on p.ProviderId equals v.Id
        select new ProjectRow { Project = p, Enterprise = e, ProviderName = v.Name };

    private sealed class ProjectRow
    {
        public required TransformationProject Project { get; init; }
        public required Enterprise Enterprise { get; init; }
        public required string ProviderName { get; init; }
    }

    private sealed record ProjectAccess(Enterprise Enterprise, bool IsEnterprise, bool IsProvider, bool IsOperator, bool IsRegional)
    {
        public bool Reads => IsEnterprise || IsProvider || IsOperator || IsRegional;

        public bool MayAttempt(string action) => action switch
        {
            Start => IsProvider,
            Cancel => IsEnterprise || IsProvider,
            _ => IsEnterprise,
        };
    }
}
