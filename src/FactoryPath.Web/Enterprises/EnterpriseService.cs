using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Enterprises;

/// <summary>Enterprise profiles: register, change, read and list, within what the viewer may see.</summary>
public sealed class EnterpriseService(PlatformDbContext db, TimeProvider clock, Core.Assessment.ModelRegistry models)
{
    /// <summary>An enterprise user registers its own enterprise (one per account); a platform admin may register any.</summary>
    public async Task<Outcome<Enterprise>> CreateAsync(Viewer viewer, EnterpriseProfileInput input, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsEnterpriseUser)
            return Outcome<Enterprise>.Forbidden(UiText.Pick("只有企业用户可以登记企业。", "Only enterprise users can register an enterprise."));
        if (viewer.EnterpriseId is not null && !viewer.IsPlatformAdmin)
            return Outcome<Enterprise>.Conflict(UiText.Pick("您的账号已经登记了企业，请修改现有档案。", "Your account already has an enterprise; edit its profile instead."));

        var check = await ValidateAsync(input, null, ct);
        if (!check.IsOk) return Outcome<Enterprise>.Invalid(check.Errors!);

        var now = clock.GetUtcNow().UtcDateTime;
        var enterprise = new Enterprise { CreatedAt = now };
        Apply(enterprise, input, check.Value!, now);
        db.Enterprises.Add(enterprise);
        if (!viewer.IsPlatformAdmin)
        {
            var user = await db.Users.FirstAsync(u => u.Id == viewer.UserId, ct);
            user.EnterpriseId = enterprise.Id;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Enterprise>.Ok(enterprise);
    }

    public async Task<Outcome<Enterprise>> UpdateAsync(Viewer viewer, Guid id, EnterpriseProfileInput input, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return Outcome<Enterprise>.NotFound();
        if (!viewer.CanChange(enterprise))
            return Outcome<Enterprise>.Forbidden(UiText.Pick("只有企业本身可以修改企业档案。", "Only the enterprise itself can change its profile."));

        var check = await ValidateAsync(input, id, ct);
        if (!check.IsOk) return Outcome<Enterprise>.Invalid(check.Errors!);
        var from = (enterprise.RegionCode, Regional.RegionContributions.DivisionOf(enterprise.IndustryCode));
        Apply(enterprise, input, check.Value!, clock.GetUtcNow().UtcDateTime);
        var to = (enterprise.RegionCode, Regional.RegionContributions.DivisionOf(enterprise.IndustryCode));
        if (from == to)
        {
            await db.SaveChangesAsync(ct);
            return Outcome<Enterprise>.Ok(enterprise);
        }
        // a move to another county or industry division moves the enterprise's share of the regional rollups with it
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await Regional.RegionRollupWriter.MoveAsync(db, models, enterprise.Id, from, to, ct);
        await tx.CommitAsync(ct);
        return Outcome<Enterprise>.Ok(enterprise);
    }

    public async Task<Outcome<Enterprise>> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return enterprise is not null && viewer.CanRead(enterprise) ? Outcome<Enterprise>.Ok(enterprise) : Outcome<Enterprise>.NotFound();
    }

    public async Task<Enterprise?> OwnAsync(Viewer viewer, CancellationToken ct = default) =>
        viewer.EnterpriseId is { } id ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) : null;

    /// <summary>The enterprises the viewer may read, optionally filtered by name/credit code, region and industry.</summary>
    public async Task<PagedList<Enterprise>> ListAsync(Viewer viewer, EnterpriseFilter filter, Paging paging, CancellationToken ct = default)
    {
        var query = viewer.Readable(db.Enterprises.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            query = query.Where(e => e.Name.Contains(s) || e.CreditCode == s.ToUpperInvariant());
        }
        if (!string.IsNullOrWhiteSpace(filter.RegionCode)) query = query.InRegion(filter.RegionCode);
        if (!string.IsNullOrWhiteSpace(filter.IndustryCode)) query = query.Where(e => e.IndustryCode == filter.IndustryCode);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<Enterprise>(items, paging.Page, paging.PageSize, total);
    }

    private async Task<Outcome<EnterpriseProfileValidation>> ValidateAsync(EnterpriseProfileInput input, Guid? self, CancellationToken ct)
    {
        var result = EnterpriseProfileValidator.Validate(input);
        var errors = result.Errors.ToDictionary(e => e.Key, e => new[] { UiText.Pick(e.Value.Zh, e.Value.En) });
        if (!errors.ContainsKey(EnterpriseProfileFields.CreditCode))
        {
            var code = result.NormalizedCreditCode;
            if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != self, ct))
                errors[EnterpriseProfileFields.CreditCode] = [UiText.Pick($"统一社会信用代码 {code} 已被另一家企业登记。", $"The credit code {code} is already registered by another enterprise.")];
        }
        return errors.Count > 0 ? Outcome<EnterpriseProfileValidation>.Invalid(errors) : Outcome<EnterpriseProfileValidation>.Ok(result);
    }

    private static void Apply(Enterprise e, EnterpriseProfileInput input, EnterpriseProfileValidation check, DateTime now)
    {
        e.Name = input.Name!.Trim();
        e.CreditCode = check.NormalizedCreditCode;
        e.IndustryCode = input.IndustryCode!.Trim();
        e.RegionCode = input.RegionCode!.Trim();
        e.ProvinceCode = RegionCatalog.ProvinceOf(e.RegionCode)?.Code ?? e.RegionCode[..2] + "0000";
        e.Employees = input.Employees!.Value;
        e.AnnualRevenueCny = input.AnnualRevenueCny!.Value;
        e.SizeClass = check.SizeClass!.Value;
        e.UpdatedAt = now;
    }
}

public sealed record EnterpriseFilter(string? Search = null, string? RegionCode = null, string? IndustryCode = null);
