using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

public sealed record SolutionFilter(
    string? Search = null, string? Scenario = null, string? IndustryCode = null, string? RegionServed = null,
    DeploymentMode? Deployment = null, Guid? ProviderId = null, bool? Standardised = null);

/// <summary>
/// Solutions: every signed-in user reads them; a service-provider account creates, changes and deletes its own provider's
/// solutions; the platform operator any.
/// </summary>
public sealed class SolutionService(PlatformDbContext db, ScenarioLibrary library, ICatalogChanges changes, TimeProvider clock, SolutionTitleCache titles)
{
    public async Task<PagedList<Solution>> ListAsync(SolutionFilter filter, Paging paging, CancellationToken ct = default)
    {
        var query = db.Solutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // the titles are searched in memory; the database reads the matching rows by id (one collection parameter)
            var ids = await titles.MatchingAsync(db, filter.Search, ct);
            if (ids.Count == 0) return new PagedList<Solution>([], paging.Page, paging.PageSize, 0);
            query = query.Where(s => ids.Contains(s.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Scenario)) query = query.Where(s => s.Scenarios.Contains(filter.Scenario.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.IndustryCode))
        {
            var industry = filter.IndustryCode.Trim();
            query = query.Where(s => s.Industries.Count == 0 || s.Industries.Contains(industry));
        }
        if (!string.IsNullOrWhiteSpace(filter.RegionServed))
        {
            var covering = PoolDb.CoveringCodes(filter.RegionServed);
            var serving = db.Providers.Where(p => p.RegionsServed.Count == 0 || p.RegionsServed.Any(r => covering.Contains(r))).Select(p => p.Id);
            query = query.Where(s => serving.Contains(s.ProviderId));
        }
        if (filter.Deployment is { } deployment) query = query.Where(s => s.Deployment == deployment);
        if (filter.ProviderId is { } providerId) query = query.Where(s => s.ProviderId == providerId);
        if (filter.Standardised is { } standardised) query = query.Where(s => s.Standardised == standardised);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.TitleZh).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<Solution>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<Solution>> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } solution
            ? Outcome<Solution>.Ok(solution)
            : Outcome<Solution>.NotFound();

    /// <summary>Provider names by id, for showing a page of solutions.</summary>
    public async Task<Dictionary<Guid, string>> ProviderNamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Providers.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    public static bool CanEdit(Viewer viewer, Solution solution) =>
        viewer.IsPlatformAdmin || (viewer.IsProvider && viewer.ProviderId == solution.ProviderId);

    /// <summary>A provider account's solution always belongs to its own provider; the operator names the provider.</summary>
    public async Task<Outcome<Solution>> CreateAsync(Viewer viewer, SolutionInput input, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsProvider)
            return Outcome<Solution>.Forbidden(UiText.Pick("只有服务商和平台运营人员可以发布解决方案。", "Only providers and the platform operator can publish solutions."));
        if (viewer.IsProvider && !viewer.IsPlatformAdmin)
        {
            if (input.ProviderId is { } asked && asked != viewer.ProviderId) return Outcome<Solution>.Forbidden(NotYours());
            input = input with { ProviderId = viewer.ProviderId };
        }
        var check = await ValidateAsync(input, null, ct);
        if (!check.IsOk) return Failed(check);

        var now = clock.GetUtcNow().UtcDateTime;
        var solution = new Solution { CreatedAt = now };
        PoolRecords.Apply(solution, check.Value!, now);
        db.Solutions.Add(solution);
        return await SaveAsync(solution, ct);
    }

    public async Task<Outcome<Solution>> UpdateAsync(Viewer viewer, Guid id, SolutionInput input, CancellationToken ct = default)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null) return Outcome<Solution>.NotFound();
        if (!CanEdit(viewer, solution)) return Outcome<Solution>.Forbidden(NotYours());
        // a provider cannot hand its solution to another provider; the operator may move it
        if (!viewer.IsPlatformAdmin)
        {
            if (input.ProviderId is { } asked && asked != solution.ProviderId) return Outcome<Solution>.Forbidden(NotYours());
            input = input with { ProviderId = solution.ProviderId };
        }
        else if (input.ProviderId is null) input = input with { ProviderId = solution.ProviderId };
        var check = await ValidateAsync(input, id, ct);
        if (!check.IsOk) return Failed(check);

        PoolRecords.Apply(solution, check.Value!, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(solution, ct);
    }

    public async Task<Outcome<Solution>> DeleteAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null) return Outcome<Solution>.NotFound();
        if (!CanEdit(viewer, solution)) return Outcome<Solution>.Forbidden(NotYours());
        var caseIds = await db.Cases.Where(c => c.SolutionId == id).Select(c => c.Id).ToListAsync(ct);
        db.Solutions.Remove(solution);
        await db.SaveChangesAsync(ct);
        await changes.DeletedAsync(SearchDocumentKinds.Solution, [id], ct);
        if (caseIds.Count > 0) await changes.ChangedAsync(SearchDocumentKinds.Case, caseIds, ct);
        return Outcome<Solution>.Ok(solution);
    }

    private async Task<Outcome<SolutionValues>> ValidateAsync(SolutionInput input, Guid? self, CancellationToken ct)
    {
        var result = SolutionValidator.Validate(input, library);
        var errors = PoolOutcomes.Localize(result.Errors);
        if (input.ProviderId is not { } providerId)
            errors[PoolFields.ProviderId] = [UiText.Pick("请选择服务商。", "The provider is required.")];
        else if (!await db.Providers.AnyAsync(p => p.Id == providerId, ct))
            errors[PoolFields.ProviderId] = [UiText.Pick("找不到该服务商。", "No provider has this id.")];
        if (errors.Count > 0) return Outcome<SolutionValues>.Invalid(errors);

        var value = result.Value!;
        if (await db.Solutions.AnyAsync(s => s.ProviderId == value.ProviderId && s.TitleZh == value.TitleZh && s.Id != self, ct))
            return PoolOutcomes.Duplicate<SolutionValues>(PoolFields.TitleZh, DuplicateTitle(value.TitleZh));
        return Outcome<SolutionValues>.Ok(value);
    }

    private async Task<Outcome<Solution>> SaveAsync(Solution solution, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PoolDb.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return PoolOutcomes.Duplicate<Solution>(PoolFields.TitleZh, DuplicateTitle(solution.TitleZh));
        }
        await changes.ChangedAsync(SearchDocumentKinds.Solution, [solution.Id], ct);
        return Outcome<Solution>.Ok(solution);
    }

    private static Outcome<Solution> Failed(Outcome<SolutionValues> check) => new(check.Kind, null, check.Errors, check.Message);

    private static string DuplicateTitle(string title) =>
        UiText.Pick($"该服务商已有名为“{title}”的解决方案。", $"This provider already has a solution titled \"{title}\".");

    private static string NotYours() =>
        UiText.Pick("只能管理本服务商的解决方案。", "You can only manage your own provider's solutions.");
}
