using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Enterprises;

namespace FactoryPath.Web.Accounts;

/// <summary>
/// Who is asking, and what they may see: an enterprise user its own enterprise, a regional admin the enterprises
/// located in its region, a platform admin everything. Everyone else sees no enterprise data. A service-provider
/// account speaks for the provider <see cref="ProviderId"/>.
/// </summary>
public sealed record Viewer(string UserId, string Email, IReadOnlySet<string> Roles, Guid? EnterpriseId, string? RegionCode, Guid? ProviderId = null)
{
    public bool IsPlatformAdmin => Roles.Contains(PlatformRoles.PlatformAdmin);
    public bool IsRegionalAdmin => Roles.Contains(PlatformRoles.RegionalAdmin) && !string.IsNullOrEmpty(RegionCode);
    public bool IsEnterpriseUser => Roles.Contains(PlatformRoles.EnterpriseUser);
    /// <summary>A service-provider account bound to a provider in the pool.</summary>
    public bool IsProvider => Roles.Contains(PlatformRoles.ServiceProvider) && ProviderId is not null;

    public bool CanRead(Enterprise e) =>
        IsPlatformAdmin || EnterpriseId == e.Id || (IsRegionalAdmin && RegionScope.Contains(RegionCode, e.RegionCode));

    public bool CanChange(Enterprise e) => IsPlatformAdmin || EnterpriseId == e.Id;

    /// <summary>Narrows a query to the enterprises this viewer may read.</summary>
    public IQueryable<Enterprise> Readable(IQueryable<Enterprise> all)
    {
        if (IsPlatformAdmin) return all;
        if (IsRegionalAdmin)
        {
            return all.InRegion(RegionCode!);
        }
        if (EnterpriseId is { } id) return all.Where(e => e.Id == id);
        return all.Where(_ => false);
    }
}
