namespace FactoryPath.Core.Enterprises;

/// <summary>
/// What a region-bound administrator may see: a province scope <c>XX0000</c> covers every code starting <c>XX</c>,
/// a prefecture scope <c>XXYY00</c> every code starting <c>XXYY</c>, and a county scope only itself.
/// </summary>
public static class RegionScope
{
    /// <summary>
    /// True when <paramref name="regionCode"/> lies within <paramref name="scopeCode"/>. Both must be valid codes
    /// (<see cref="RegionCatalog.IsValidCode"/>); anything else is outside every scope, so bad input never widens access.
    /// </summary>
    public static bool Contains(string? scopeCode, string? regionCode)
    {
        if (!RegionCatalog.IsValidCode(scopeCode) || !RegionCatalog.IsValidCode(regionCode))
        {
            return false;
        }

        var scope = scopeCode.Trim();
        var region = regionCode.Trim();
        return RegionCode.LevelOf(scope) switch
        {
            RegionLevel.Province => region.AsSpan().StartsWith(scope.AsSpan(0, 2), StringComparison.Ordinal),
            RegionLevel.Prefecture => region.AsSpan().StartsWith(scope.AsSpan(0, 4), StringComparison.Ordinal),
            _ => region == scope,
        };
    }
}
