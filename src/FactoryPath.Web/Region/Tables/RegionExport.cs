using System.Globalization;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Web.Regional;

/// <summary>
/// Writes console tables as files: one table as CSV (UTF-8 with BOM, cell texts as on screen) or as a one-sheet .xlsx
/// (shown counts and percentages as numbers, suppressed cells as "&lt;5"), or every table as a workbook after a cover sheet.
/// </summary>
public static class RegionExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(RegionTable table)
    {
        using var buffer = new MemoryStream();
        using (var csv = new CsvWriter(buffer))
        {
            csv.WriteRow(table.FileHeader);
            foreach (var row in table.FileTextRows()) csv.WriteRow(row);
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(RegionTable table)
    {
        using var buffer = new MemoryStream();
        XlsxTable.WriteSheets(buffer, [Sheet(table)]);
        return buffer.ToArray();
    }

    /// <summary>A cover sheet (region, scope, date, suppression rule, sources) and one sheet per table.</summary>
    public static byte[] Workbook(RegionSummary summary, IReadOnlyList<RegionTable> tables, bool chinese, DateOnly date)
    {
        using var buffer = new MemoryStream();
        XlsxTable.WriteSheets(buffer, [Cover(summary, chinese, date), .. tables.Select(Sheet)]);
        return buffer.ToArray();
    }

    /// <summary>e.g. region-330000-district-20260101.csv, or region-330000-20260101.xlsx for the workbook (<paramref name="table"/> null).</summary>
    public static string FileName(string regionCode, string? table, DateOnly date, string extension) =>
        $"region-{regionCode}{(table is null ? "" : "-" + table)}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{extension}";

    public static XlsxSheet Cover(RegionSummary summary, bool chinese, DateOnly date)
    {
        string T(string key) => chinese ? RegionTables.Text(key).Zh : RegionTables.Text(key).En;
        var region = summary.Region;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { T("region.report.title") },
            new object?[] { T("region.export.region"), RegionTables.RegionName(region.Code, region.NameZh, region.NameEn, chinese) },
            new object?[] { T("region.export.scope"), T(ScopeKey(region.Level)) },
            new object?[] { T("region.export.date"), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new object?[] { T("region.registered"), summary.Totals.Registered.Count is { } r ? r : summary.Totals.Registered.Text },
            new object?[] { T("region.assessed"), summary.Totals.Assessed.Count is { } a ? a : summary.Totals.Assessed.Text },
            new object?[] { T("region.export.suppression"), string.Format(CultureInfo.InvariantCulture, T("region.suppressionNote"), summary.MinimumCell) },
            new object?[] { T("region.export.sources"), T("region.report.sources") },
            new object?[] { T("region.export.sheets"), string.Join(chinese ? "、" : ", ", RegionTables.All.Select(d => chinese ? d.Title.Zh : d.Title.En)) },
        };
        return new XlsxSheet(T("region.export.cover"), rows);
    }

    public static string ScopeKey(RegionLevel level) => level switch
    {
        RegionLevel.Province => "region.scope.province",
        RegionLevel.Prefecture => "region.scope.prefecture",
        _ => "region.scope.county",
    };

    private static XlsxSheet Sheet(RegionTable table) =>
        new(table.Title, new[] { table.FileHeader.Cast<object?>().ToList() }.Concat(table.FileValueRows().Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList())));
}
