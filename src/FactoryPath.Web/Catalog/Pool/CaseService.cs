using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

public sealed record CaseFilter(
    string? Search = null, string? Scenario = null, string? IndustryCode = null, string? RegionCode = null,
    DemonstrationTier? Tier = null, Guid? ProviderId = null, Guid? SolutionId = null);

/// <summary>
/// Demonstration cases: every signed-in user reads them (an anonymised case never shows which enterprise it is); a
/// service-provider account records cases of its own provider; only the operator links a case to an enterprise on the platform.
/// </summary>
public sealed class CaseService(PlatformDbContext db, ScenarioLibrary library, ICatalogChanges changes, TimeProvider clock)
{
    public async Task<PagedList<DemonstrationCase>> ListAsync(CaseFilter filter, Paging paging, CancellationToken ct = default)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = PoolDb.ContainsPattern(filter.Search);
            query = query.Where(c => EF.Functions.Like(c.TitleZh.ToLower(), pattern, "\\") || EF.Functions.Like(c.TitleEn.ToLower(), pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(filter.Scenario)) query = query.Where(c => c.Scenarios.Contains(filter.Scenario.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.IndustryCode)) query = query.Where(c => c.IndustryCode == filter.IndustryCode.Trim());
        if (!string.IsNullOrWhiteSpace(filter.RegionCode) && RegionCatalog.IsValidCode(filter.RegionCode))
        {
            var prefix = RegionScope.PrefixOf(filter.RegionCode);
            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }
        if (filter.Tier is { } tier) query = query.Where(c => c.Tier == tier);
        if (filter.ProviderId is { } providerId) query = query.Where(c => c.ProviderId == providerId);
        if (filter.SolutionId is { } solutionId) query = query.Where(c => c.SolutionId == solutionId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.Year).ThenBy(c => c.TitleZh).ThenBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<DemonstrationCase>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<DemonstrationCase>> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } found
            ? Outcome<DemonstrationCase>.Ok(found)
            : Outcome<DemonstrationCase>.NotFound();

    public static bool CanEdit(Viewer viewer, DemonstrationCase c) =>
        viewer.IsPlatformAdmin || (viewer.IsProvider && c.ProviderId is not null && viewer.ProviderId == c.ProviderId);

    public async Task<Outcome<DemonstrationCase>> CreateAsync(Viewer viewer, CaseInput input, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsProvider)
            return Outcome<DemonstrationCase>.Forbidden(UiText.Pick("只有服务商和平台运营人员可以登记案例。", "Only providers and the platform operator can record cases."));
        if (!viewer.IsPlatformAdmin)
        {
            if (input.ProviderId is { } asked && asked != viewer.ProviderId) return Outcome<DemonstrationCase>.Forbidden(NotYours());
            input = input with { ProviderId = viewer.ProviderId };
        }
        var check = await ValidateAsync(viewer, input, null, null, ct);
        if (!check.IsOk) return Failed(check);

        var now = clock.GetUtcNow().UtcDateTime;
        var created = new DemonstrationCase { CreatedAt = now };
        PoolRecords.Apply(created, check.Value!, now);
        db.Cases.Add(created);
        return await SaveAsync(created, ct);
    }

    public async Task<Outcome<DemonstrationCase>> UpdateAsync(Viewer viewer, Guid id, CaseInput input, CancellationToken ct = default)
    {
        var existing = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (existing is null) return Outcome<DemonstrationCase>.NotFound();
        if (!CanEdit(viewer, existing)) return Outcome<DemonstrationCase>.Forbidden(NotYours());
        if (!viewer.IsPlatformAdmin)
        {
            if (input.ProviderId is { } asked && asked != existing.ProviderId) return Outcome<DemonstrationCase>.Forbidden(NotYours());
            input = input with { ProviderId = existing.ProviderId };
        }
        // the enterprise of an anonymised case is never shown, so a request that leaves it out keeps the link
        if (input.EnterpriseId is null && input.Anonymised && existing.Anonymised) input = input with { EnterpriseId = existing.EnterpriseId };
        var check = await ValidateAsync(viewer, input, id, existing.EnterpriseId, ct);
        if (!check.IsOk) return Failed(check);

        PoolRecords.Apply(existing, check.Value!, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(existing, ct);
    }

    public async Task<Outcome<DemonstrationCase>> DeleteAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var existing = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (existing is null) return Outcome<DemonstrationCase>.NotFound();
        if (!CanEdit(viewer, existing)) return Outcome<DemonstrationCase>.Forbidden(NotYours());
        db.Cases.Remove(existing);
        await db.SaveChangesAsync(ct);
        await changes.DeletedAsync(SearchDocumentKinds.Case, [id], ct);
        return Outcome<DemonstrationCase>.Ok(existing);
    }

    private async Task<Outcome<CaseValues>> ValidateAsync(Viewer viewer, CaseInput input, Guid? self, Guid? currentEnterprise, CancellationToken ct)
    {
        var result = CaseValidator.Validate(input, library, clock.GetUtcNow().Year);
        var errors = PoolOutcomes.Localize(result.Errors);
        if (input.ProviderId is { } providerId && !await db.Providers.AnyAsync(p => p.Id == providerId, ct))
            errors[PoolFields.ProviderId] = [UiText.Pick("找不到该服务商。", "No provider has this id.")];
        if (input.SolutionId is { } solutionId)
        {
            var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == solutionId, ct);
            if (solution is null || (!viewer.IsPlatformAdmin && solution.ProviderId != viewer.ProviderId))
                errors[PoolFields.SolutionId] = [UiText.Pick("找不到该解决方案，或它不属于本服务商。", "No solution of this provider has this id.")];
            else if (input.ProviderId is { } p && p != solution.ProviderId)
                errors[PoolFields.SolutionId] = [UiText.Pick("该解决方案属于另一家服务商。", "This solution belongs to another provider.")];
        }
        if (input.EnterpriseId is { } enterpriseId)
        {
            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
            if (!viewer.IsPlatformAdmin && enterpriseId != currentEnterprise)
                errors[PoolFields.EnterpriseId] = [UiText.Pick("只有平台运营人员可以把案例关联到平台上的企业。", "Only the platform operator can link a case to an enterprise on the platform.")];
            else if (enterprise is null)
                errors[PoolFields.EnterpriseId] = [UiText.Pick("找不到该企业。", "No enterprise has this id.")];
            else if (input.Anonymised && result.Value is { } v && v.EnterpriseName.Contains(enterprise.Name, StringComparison.OrdinalIgnoreCase))
                errors[PoolFields.EnterpriseName] = [UiText.Pick("匿名案例不能使用企业的真实名称，请改为如“浙江某汽车零部件企业”的描述。", "An anonymised case must not use the enterprise's real name; describe it instead, e.g. \"an auto-parts maker in Zhejiang\".")];
        }
        if (errors.Count > 0) return Outcome<CaseValues>.Invalid(errors);

        var value = result.Value!;
        if (await db.Cases.AnyAsync(c => c.TitleZh == value.TitleZh && c.Id != self, ct))
            return PoolOutcomes.Duplicate<CaseValues>(PoolFields.TitleZh, DuplicateTitle(value.TitleZh));
        return Outcome<CaseValues>.Ok(value);
    }

    private async Task<Outcome<DemonstrationCase>> SaveAsync(DemonstrationCase saved, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PoolDb.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return PoolOutcomes.Duplicate<DemonstrationCase>(PoolFields.TitleZh, DuplicateTitle(saved.TitleZh));
        }
        await changes.ChangedAsync(SearchDocumentKinds.Case, [saved.Id], ct);
        return Outcome<DemonstrationCase>.Ok(saved);
    }

    private static Outcome<DemonstrationCase> Failed(Outcome<CaseValues> check) => new(check.Kind, null, check.Errors, check.Message);

    private static string DuplicateTitle(string title) =>
        UiText.Pick($"已有标题为“{title}”的案例。", $"A case titled \"{title}\" already exists.");

    private static string NotYours() => UiText.Pick("只能管理本服务商的案例。", "You can only manage your own provider's cases.");
}
