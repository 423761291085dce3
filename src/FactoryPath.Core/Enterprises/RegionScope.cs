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

        return regionCode.Trim().StartsWith(PrefixOf(scopeCode), StringComparison.Ordinal);
    }

    /// <summary>
    /// True when a provider whose "regions served" list is <paramref name="served"/> serves an enterprise located in
    /// <paramref name="regionCode"/>: the list is empty (nationwide), or one of its scopes contains the code. The one rule
    /// of the resource pool, used by matching's hard filter and by the regional supply counts.
    /// </summary>
    public static bool Serves(IReadOnlyCollection<string>? served, string? regionCode) =>
        served is not { Count: > 0 } || served.Any(s => Contains(s, regionCode));

    /// <summary>
    /// The leading digits every code inside a well-formed scope starts with: <c>XX</c> for a province, <c>XXYY</c> for a
    /// prefecture, the whole code for a county — so a database can select a region with <c>LIKE 'prefix%'</c>.
    /// </summary>
    public static string PrefixOf(string scopeCode)
    {
        var scope = scopeCode.Trim();
        return RegionCode.LevelOf(scope) switch
        {
            RegionLevel.Province => scope[..2],
            RegionLevel.Prefecture => scope[..4],
            _ => scope,
        };
    }

    /// <summary>
    /// The lowest and highest six-digit code inside a scope (<c>440000</c>–<c>449999</c> for Guangdong) as an inclusive
    /// range: a range uses the index on both databases under any collation, where <c>LIKE 'prefix%'</c> does not
    /// (SQLite's LIKE is case-folding and PostgreSQL's needs the C collation or a pattern operator class).
    /// </summary>
    public static (string Low, string High) RangeOf(string scopeCode)
    {
        var prefix = PrefixOf(scopeCode);
        return (prefix.PadRight(6, '0'), prefix.PadRight(6, '9'));
    }
}
