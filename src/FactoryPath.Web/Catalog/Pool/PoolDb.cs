using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>Small query helpers the pool services share.</summary>
public static class PoolDb
{
    /// <summary>A save refused by a unique index (two people saving the same name at once), on either database.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => DatabaseErrors.IsUniqueViolation(e);

    /// <summary>
    /// The codes a "regions served" list may hold for it to cover <paramref name="code"/>: the code itself, its prefecture
    /// and its province (a provider serving 330000 serves 330212). Empty for an invalid code.
    /// </summary>
    public static List<string> CoveringCodes(string? code)
    {
        if (!RegionCatalog.IsValidCode(code)) return [];
        var trimmed = code.Trim();
        var result = new List<string> { trimmed };
        if (RegionCatalog.PrefectureOf(trimmed)?.Code is { } prefecture && !result.Contains(prefecture)) result.Add(prefecture);
        if (RegionCatalog.ProvinceOf(trimmed)?.Code is { } province && !result.Contains(province)) result.Add(province);
        return result;
    }

    /// <summary>
    /// A LIKE pattern for "contains", in lower case, with the wildcard characters of the text escaped by '\'. Compare it
    /// with the column's <c>ToLower()</c>: LIKE ignores case on SQLite but not on PostgreSQL, lower() works on both.
    /// </summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
