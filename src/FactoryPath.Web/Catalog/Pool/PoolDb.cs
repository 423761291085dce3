using FactoryPath.Core.Enterprises;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>Small query helpers the pool services share.</summary>
public static class PoolDb
{
    /// <summary>A save refused by a unique index (two people saving the same name at once): SQLite constraint error 19.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException is SqliteException { SqliteErrorCode: 19 };

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

    /// <summary>A LIKE pattern for "contains", with the wildcard characters of the text escaped by '\'.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
