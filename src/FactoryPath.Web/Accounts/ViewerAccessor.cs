using System.Security.Claims;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Accounts;

/// <summary>Loads the signed-in user's enterprise and region binding from the database, once per request or circuit.</summary>
public sealed class ViewerAccessor(PlatformDbContext db)
{
    private Viewer? _cached;
    private string? _cachedFor;

    public async Task<Viewer?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        if (_cached is not null && _cachedFor == userId) return _cached;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        _cachedFor = userId;
        _cached = new Viewer(user.Id, user.Email ?? "", roles.ToHashSet(StringComparer.Ordinal), user.EnterpriseId, user.RegionCode, user.ProviderId);
        return _cached;
    }

    /// <summary>Forgets the cached viewer, e.g. after the user created its enterprise.</summary>
    public void Reset() => _cached = null;
}
