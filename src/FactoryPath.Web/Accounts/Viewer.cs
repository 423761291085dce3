using FactoryPath.Web.Enterprises;

namespace FactoryPath.Web.Accounts;

/// <summary>
/// Who is asking, and what they may see: an enterprise user its own enterprise, a regional admin the enterprises
/// located in its region, a platform admin everything. Everyone else sees no enterprise data.
/// </summary>
public sealed record Viewer(string UserId, string Email, IReadOnlySet<string> Roles, Guid? EnterpriseId, string? RegionCode)
{
    public bool IsPlatformAdmin => Roles.Contains(PlatformRoles.PlatformAdmin);
    public bool IsRegionalAdmin => Roles.Contains(PlatformRoles.RegionalAdmin) && !string.IsNullOrEmpty(RegionCode);
    public bool IsEnterpriseUser => Roles.Contains(PlatformRoles.EnterpriseUser);

    /// <summary>Region codes are hierarchical: 440000 covers 44xxxx, 440300 covers 4403xx, a county only itself.</summary>
    public string? RegionPrefix => RegionCode is null ? null : RegionPrefixOf(RegionCode);

    public static string RegionPrefixOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? code[..2]
        : code.EndsWith("00", StringComparison.Ordinal) ? code[..4]
        : code;

    public bool CanRead(Enterprise e) =>
        IsPlatformAdmin || EnterpriseId == e.Id || (IsRegionalAdmin && e.RegionCode.StartsWith(RegionPrefix!, StringComparison.Ordinal));

    public bool CanChange(Enterprise e) => IsPlatformAdmin || EnterpriseId == e.Id;

    /// <summary>Narrows a query to the enterprises this viewer may read.</summary>
    public IQueryable<Enterprise> Readable(IQueryable<Enterprise> all)
    {
        if (IsPlatformAdmin) return all;
        if (IsRegionalAdmin)
        {
            var prefix = RegionPrefix!;
            return all.Where(e => e.RegionCode.StartsWith(prefix));
        }
        if (EnterpriseId is { } id) return all.Where(e => e.Id == id);
        return all.Where(_ => false);
    }
}
