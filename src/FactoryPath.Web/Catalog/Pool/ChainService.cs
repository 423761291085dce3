using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

public sealed record ChainFilter(string? Search = null, string? RegionCode = null, bool Mine = false);

/// <summary>A chain with its members' names, as everyone signed in may see it: names, roles and tiers only.</summary>
public sealed record ChainView(IndustrialChain Chain, IReadOnlyList<ChainMemberView> Members);

public sealed record ChainMemberView(Guid EnterpriseId, string Name, ChainRole Role, int Tier);

/// <summary>
/// Industrial chains: everyone signed in reads them (members by name, role and tier); the platform operator, or a
/// regional admin whose region contains the chain's, creates and changes them. Members are enterprises on the platform
/// that the editor may see.
/// </summary>
public sealed class ChainService(PlatformDbContext db, TimeProvider clock)
{
    public async Task<PagedList<ChainView>> ListAsync(Viewer viewer, ChainFilter filter, Paging paging, CancellationToken ct = default)
    {
        var query = db.Chains.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = PoolDb.ContainsPattern(filter.Search);
            query = query.Where(c => EF.Functions.Like(c.NameZh.ToLower(), pattern, "\\") || EF.Functions.Like(c.NameEn.ToLower(), pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(filter.RegionCode) && RegionCatalog.IsValidCode(filter.RegionCode))
        {
            var prefix = RegionScope.PrefixOf(filter.RegionCode);
            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }
        if (filter.Mine)
        {
            var own = viewer.EnterpriseId ?? Guid.Empty;
            query = query.Where(c => c.Members.Any(m => m.EnterpriseId == own));
        }
        var total = await query.CountAsync(ct);
        var chains = await query.OrderBy(c => c.NameZh).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Include(c => c.Members).ToListAsync(ct);
        var views = await ViewsAsync(chains, ct);
        return new PagedList<ChainView>(views, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<ChainView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var chain = await db.Chains.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        return chain is null ? Outcome<ChainView>.NotFound() : Outcome<ChainView>.Ok((await ViewsAsync([chain], ct))[0]);
    }

    /// <summary>The operator edits any chain; a regional admin a chain organised inside its region.</summary>
    public static bool CanEdit(Viewer viewer, string regionCode) =>
        viewer.IsPlatformAdmin || (viewer.IsRegionalAdmin && RegionScope.Contains(viewer.RegionCode, regionCode));

    public static bool CanCreate(Viewer viewer) => viewer.IsPlatformAdmin || viewer.IsRegionalAdmin;

    public async Task<Outcome<ChainView>> CreateAsync(Viewer viewer, ChainInput input, CancellationToken ct = default)
    {
        if (!CanCreate(viewer)) return Outcome<ChainView>.Forbidden(OnlyAdmins());
        var check = await ValidateAsync(viewer, input, null, ct);
        if (!check.IsOk) return Failed(check);

        var now = clock.GetUtcNow().UtcDateTime;
        var chain = new IndustrialChain { CreatedAt = now };
        Apply(chain, check.Value!, now);
        db.Chains.Add(chain);
        return await SaveAsync(chain, ct);
    }

    public async Task<Outcome<ChainView>> UpdateAsync(Viewer viewer, Guid id, ChainInput input, CancellationToken ct = default)
    {
        var chain = await db.Chains.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (chain is null) return Outcome<ChainView>.NotFound();
        if (!CanEdit(viewer, chain.RegionCode)) return Outcome<ChainView>.Forbidden(OnlyAdmins());
        var check = await ValidateAsync(viewer, input, id, ct);
        if (!check.IsOk) return Failed(check);

        db.ChainMembers.RemoveRange(chain.Members);
        chain.Members.Clear();
        // new members carry their own ids, so they must be added explicitly: found through the tracked chain they would be taken for existing rows
        db.ChainMembers.AddRange(check.Value!.Members);
        Apply(chain, check.Value!, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(chain, ct);
    }

    public async Task<Outcome<ChainView>> DeleteAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (chain is null) return Outcome<ChainView>.NotFound();
        if (!CanEdit(viewer, chain.RegionCode)) return Outcome<ChainView>.Forbidden(OnlyAdmins());
        db.Chains.Remove(chain);
        await db.SaveChangesAsync(ct);
        return Outcome<ChainView>.Ok(new ChainView(chain, []));
    }

    private async Task<Outcome<ResolvedChain>> ValidateAsync(Viewer viewer, ChainInput input, Guid? self, CancellationToken ct)
    {
        var result = ChainValidator.Validate(input);
        var errors = PoolOutcomes.Localize(result.Errors);
        if (!errors.ContainsKey(PoolFields.RegionCode) && !CanEdit(viewer, input.RegionCode!.Trim()))
            errors[PoolFields.RegionCode] = [UiText.Pick("只能在您管辖的地区内组织产业链。", "You can only organise chains inside your own region.")];
        if (errors.Count > 0) return Outcome<ResolvedChain>.Invalid(errors);

        var value = result.Value!;
        // members by id or credit code, among the enterprises this editor may see: a code outside them reads as unknown
        var visible = viewer.Readable(db.Enterprises.AsNoTracking());
        var ids = value.Members.Where(m => m.EnterpriseId is not null).Select(m => m.EnterpriseId!.Value).ToList();
        var codes = value.Members.Where(m => m.CreditCode is not null).Select(m => m.CreditCode!).ToList();
        var found = await visible.Where(e => ids.Contains(e.Id) || codes.Contains(e.CreditCode)).Select(e => new { e.Id, e.CreditCode }).ToListAsync(ct);
        var members = new List<ChainMember>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < value.Members.Count; i++)
        {
            var m = value.Members[i];
            var match = m.EnterpriseId is { } id ? found.FirstOrDefault(f => f.Id == id) : found.FirstOrDefault(f => f.CreditCode == m.CreditCode);
            var key = PoolFields.Item(PoolFields.Members, i, PoolFields.EnterpriseId);
            if (match is null)
                errors[key] = [UiText.Pick($"找不到企业 {m.EnterpriseId?.ToString() ?? m.CreditCode}，或您无权查看它。", $"Enterprise {m.EnterpriseId?.ToString() ?? m.CreditCode} was not found, or is not yours to see.")];
            else if (!seen.Add(match.Id))
                errors[key] = [UiText.Pick("同一家企业在产业链中出现了两次。", "The same enterprise appears twice in the chain.")];
            else
                members.Add(new ChainMember { EnterpriseId = match.Id, Role = m.Role, Tier = m.Tier });
        }
        if (errors.Count > 0) return Outcome<ResolvedChain>.Invalid(errors);

        if (await db.Chains.AnyAsync(c => c.NameZh == value.NameZh && c.Id != self, ct))
            return PoolOutcomes.Duplicate<ResolvedChain>(PoolFields.NameZh, DuplicateName(value.NameZh));
        return Outcome<ResolvedChain>.Ok(new ResolvedChain(value, members));
    }

    private async Task<Outcome<ChainView>> SaveAsync(IndustrialChain chain, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PoolDb.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return PoolOutcomes.Duplicate<ChainView>(PoolFields.NameZh, DuplicateName(chain.NameZh));
        }
        return Outcome<ChainView>.Ok((await ViewsAsync([chain], ct))[0]);
    }

    private async Task<List<ChainView>> ViewsAsync(IReadOnlyList<IndustrialChain> chains, CancellationToken ct)
    {
        var ids = chains.SelectMany(c => c.Members).Select(m => m.EnterpriseId).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return chains.Select(c => new ChainView(c, c.Members
            .OrderBy(m => m.Tier).ThenBy(m => names.GetValueOrDefault(m.EnterpriseId), StringComparer.Ordinal)
            .Select(m => new ChainMemberView(m.EnterpriseId, names.GetValueOrDefault(m.EnterpriseId) ?? "", m.Role, m.Tier)).ToList())).ToList();
    }

    private static Outcome<ChainView> Failed(Outcome<ResolvedChain> check) => new(check.Kind, null, check.Errors, check.Message);

    private static string OnlyAdmins() =>
        UiText.Pick("只有平台运营人员或该地区的管理员可以管理产业链。", "Only the platform operator or the region's administrator can manage chains.");

    private static string DuplicateName(string name) =>
        UiText.Pick($"已有名为“{name}”的产业链。", $"A chain named \"{name}\" already exists.");

    private static void Apply(IndustrialChain c, ResolvedChain r, DateTime now)
    {
        c.NameZh = r.Values.NameZh;
        c.NameEn = r.Values.NameEn;
        c.DescriptionZh = r.Values.DescriptionZh;
        c.DescriptionEn = r.Values.DescriptionEn;
        c.Industries = [.. r.Values.Industries];
        c.RegionCode = r.Values.RegionCode;
        foreach (var m in r.Members)
        {
            m.ChainId = c.Id;
            c.Members.Add(m);
        }
        c.UpdatedAt = now;
    }

    private sealed record ResolvedChain(ChainValues Values, List<ChainMember> Members);
}
