using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Accounts;

/// <param name="ProviderId">The provider a service-provider account speaks for; required for that role, refused for the others.</param>
public sealed record NewUserRequest(string? Email, string? DisplayName, string? Password, string? Role, string? RegionCode, Guid? ProviderId = null);

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? RegionCode, Guid? EnterpriseId, DateTime CreatedAt, bool LockedOut, Guid? ProviderId = null);

/// <summary>The platform operator's accounts work: create service-provider, regional-admin and operator accounts, list accounts.</summary>
public sealed class UserAdminService(UserManager<PlatformUser> users, PlatformDbContext db, UiText t, TimeProvider clock)
{
    public async Task<Outcome<UserSummary>> CreateAsync(Viewer viewer, NewUserRequest request, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin) return Outcome<UserSummary>.Forbidden(t["users.onlyOperator"]);
        var errors = AccountInput.Validate(request.DisplayName, request.Email, request.Password, t);
        var role = PlatformRoles.All.FirstOrDefault(r => string.Equals(r, request.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null) errors["role"] = t.Format("users.roleUnknown", string.Join(", ", PlatformRoles.All));
        var region = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
        if (role == PlatformRoles.RegionalAdmin && region is null) errors["regionCode"] = t["users.regionRequired"];
        else if (role == PlatformRoles.RegionalAdmin && !RegionCatalog.IsValidCode(region)) errors["regionCode"] = t.Format("users.regionUnknown", region);
        else if (role is not null && role != PlatformRoles.RegionalAdmin && region is not null) errors["regionCode"] = t["users.regionOnlyForAdmins"];
        if (role == PlatformRoles.ServiceProvider && request.ProviderId is null) errors["providerId"] = t["pool.users.providerRequired"];
        else if (role == PlatformRoles.ServiceProvider && !await db.Providers.AnyAsync(p => p.Id == request.ProviderId, ct)) errors["providerId"] = t["pool.users.providerUnknown"];
        else if (role is not null && role != PlatformRoles.ServiceProvider && request.ProviderId is not null) errors["providerId"] = t["pool.users.providerOnlyForProviders"];
        if (errors.Count > 0) return Outcome<UserSummary>.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

        var email = request.Email!.Trim();
        var user = new PlatformUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = request.DisplayName!.Trim(),
            RegionCode = region, ProviderId = role == PlatformRoles.ServiceProvider ? request.ProviderId : null, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            var fieldErrors = created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
            return Outcome<UserSummary>.Invalid(fieldErrors);
        }
        await users.AddToRoleAsync(user, role!);
        return Outcome<UserSummary>.Ok(Summary(user, [role!]));
    }

    public async Task<Outcome<PagedList<UserSummary>>> ListAsync(Viewer viewer, string? search, string? role, Paging paging, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin) return Outcome<PagedList<UserSummary>>.Forbidden(t["users.onlyOperator"]);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(s) || u.DisplayName.Contains(search.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var normalized = role.Trim().ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var items = page.Select(u => Summary(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList();
        return Outcome<PagedList<UserSummary>>.Ok(new PagedList<UserSummary>(items, paging.Page, paging.PageSize, total));
    }

    private UserSummary Summary(PlatformUser u, IReadOnlyList<string> roles) =>
        new(u.Id, u.Email ?? "", u.DisplayName, roles, u.RegionCode, u.EnterpriseId, u.CreatedAt,
            u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.ProviderId);
}
