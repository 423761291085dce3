using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Enterprises;

/// <summary>
/// Selects the enterprises located in a region scope the way the indexes serve it: a province by its
/// <see cref="Enterprise.ProvinceCode"/> (index (ProvinceCode, Name, Id), so a province's list pages in name order
/// without sorting its tens of thousands of rows), a prefecture or county as a range of
/// <see cref="Enterprise.RegionCode"/> (index (RegionCode, IndustryCode, Id)).
/// </summary>
public static class EnterprisesInRegion
{
    public static IQueryable<Enterprise> InRegion(this IQueryable<Enterprise> enterprises, string scopeCode)
    {
        var scope = scopeCode.Trim();
        if (Core.Enterprises.RegionCode.LevelOf(scope) == RegionLevel.Province) return enterprises.Where(e => e.ProvinceCode == scope);
        var (low, high) = RegionScope.RangeOf(scope);
        return enterprises.Where(e => string.Compare(e.RegionCode, low) >= 0 && string.Compare(e.RegionCode, high) <= 0);
    }
}
