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

public sealed record ProviderFilter(string? Search = null, string? Scenario = null, string? IndustryCode = null, string? RegionServed = null, string? RegionCode = null);

/// <summary>
/// Service providers: every signed-in user reads them; the platform operator creates, changes and deletes any; a
/// service-provider account changes its own profile only.
/// </summary>
public sealed class ProviderService(PlatformDbContext db, ScenarioLibrary library, ICatalogChanges changes, TimeProvider clock)
{
    public async Task<PagedList<Provider>> ListAsync(ProviderFilter filter, Paging paging, CancellationToken ct = default)
    {
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = PoolDb.ContainsPattern(filter.Search);
            var code = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\") || p.CreditCode == code);
        }
        if (!string.IsNullOrWhiteSpace(filter.Scenario)) query = query.Where(p => p.Scenarios.Contains(filter.Scenario.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.IndustryCode))
        {
            var industry = filter.IndustryCode.Trim();
            query = query.Where(p => p.Industries.Count == 0 || p.Industries.Contains(industry));
        }
        if (!string.IsNullOrWhiteSpace(filter.RegionServed))
        {
            var covering = PoolDb.CoveringCodes(filter.RegionServed);
            query = query.Where(p => p.RegionsServed.Count == 0 || p.RegionsServed.Any(r => covering.Contains(r)));
        }
        if (!string.IsNullOrWhiteSpace(filter.RegionCode) && Core.Enterprises.RegionCatalog.IsValidCode(filter.RegionCode))
        {
            var prefix = Core.Enterprises.RegionScope.PrefixOf(filter.RegionCode);
            query = query.Where(p => p.RegionCode.StartsWith(prefix));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<Provider>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<Provider>> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } provider
            ? Outcome<Provider>.Ok(provider)
            : Outcome<Provider>.NotFound();

    /// <summary>True when the viewer may change this provider's profile.</summary>
    public static bool CanEdit(Viewer viewer, Guid providerId) => viewer.IsPlatformAdmin || (viewer.IsProvider && viewer.ProviderId == providerId);

    public async Task<Outcome<Provider>> CreateAsync(Viewer viewer, ProviderInput input, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin)
            return Outcome<Provider>.Forbidden(UiText.Pick("只有平台运营人员可以登记服务商。", "Only the platform operator can register a provider."));
        var check = await ValidateAsync(input, null, ct);
        if (!check.IsOk) return Failed(check);

        var now = clock.GetUtcNow().UtcDateTime;
        var provider = new Provider { CreatedAt = now };
        PoolRecords.Apply(provider, check.Value!, now);
        db.Providers.Add(provider);
        return await SaveAsync(provider, check.Value!.CreditCode, ct);
    }

    public async Task<Outcome<Provider>> UpdateAsync(Viewer viewer, Guid id, ProviderInput input, CancellationToken ct = default)
    {
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return Outcome<Provider>.NotFound();
        if (!CanEdit(viewer, id)) return Outcome<Provider>.Forbidden(NotYours());
        var check = await ValidateAsync(input, id, ct);
        if (!check.IsOk) return Failed(check);

        PoolRecords.Apply(provider, check.Value!, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(provider, check.Value!.CreditCode, ct);
    }

    /// <summary>Deletes a provider with its solutions (operator only); cases keep their text but lose the link.</summary>
    public async Task<Outcome<Provider>> DeleteAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return Outcome<Provider>.NotFound();
        if (!viewer.IsPlatformAdmin)
            return Outcome<Provider>.Forbidden(UiText.Pick("只有平台运营人员可以删除服务商。", "Only the platform operator can delete a provider."));
        var solutionIds = await db.Solutions.Where(s => s.ProviderId == id).Select(s => s.Id).ToListAsync(ct);
        var caseIds = await db.Cases.Where(c => c.ProviderId == id || (c.SolutionId != null && solutionIds.Contains(c.SolutionId.Value))).Select(c => c.Id).ToListAsync(ct);
        await db.Users.Where(u => u.ProviderId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ProviderId, (Guid?)null), ct);
        db.Providers.Remove(provider);
        await db.SaveChangesAsync(ct);
        await changes.DeletedAsync(SearchDocumentKinds.Provider, [id], ct);
        if (solutionIds.Count > 0) await changes.DeletedAsync(SearchDocumentKinds.Solution, solutionIds, ct);
        if (caseIds.Count > 0) await changes.ChangedAsync(SearchDocumentKinds.Case, caseIds, ct);
        return Outcome<Provider>.Ok(provider);
    }

    private async Task<Outcome<ProviderValues>> ValidateAsync(ProviderInput input, Guid? self, CancellationToken ct)
    {
        var result = ProviderValidator.Validate(input, library);
        if (!result.IsValid) return Outcome<ProviderValues>.Invalid(PoolOutcomes.Localize(result.Errors));
        var code = result.Value!.CreditCode;
        if (await db.Providers.AnyAsync(p => p.CreditCode == code && p.Id != self, ct))
            return PoolOutcomes.Duplicate<ProviderValues>(PoolFields.CreditCode, DuplicateCode(code));
        return Outcome<ProviderValues>.Ok(result.Value);
    }

    private async Task<Outcome<Provider>> SaveAsync(Provider provider, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PoolDb.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return PoolOutcomes.Duplicate<Provider>(PoolFields.CreditCode, DuplicateCode(code));
        }
        await changes.ChangedAsync(SearchDocumentKinds.Provider, [provider.Id], ct);
        return Outcome<Provider>.Ok(provider);
    }

    private static Outcome<Provider> Failed(Outcome<ProviderValues> check) => new(check.Kind, null, check.Errors, check.Message);

    private static string DuplicateCode(string code) =>
        UiText.Pick($"统一社会信用代码 {code} 已被另一家服务商登记。", $"The credit code {code} is already registered by another provider.");

    private static string NotYours() =>
        UiText.Pick("只能修改本服务商的档案。", "You can only change your own provider's profile.");
}
