using System.Globalization;
using FactoryPath.Core.Enterprises;
using MiniExcelLibs;

namespace FactoryPath.Core.Tabular;

/// <summary>Reads the first sheet of an .xlsx workbook as a table, and writes tables as .xlsx (MiniExcel).</summary>
public static class XlsxTable
{
    public static TabularReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new List<TabularRow>();
        try
        {
            var rowNumber = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                rowNumber++;
                var cells = row.Values.Select(CellText).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                var record = new TabularRow(rowNumber, cells);
                if (!record.IsBlank) records.Add(record);
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IOException
                                       // MiniExcel reports some damaged packages no better: a zip entry named twice (ArgumentException
                                       // from a dictionary), a workbook without its sheet or an element without a namespace
                                       // (NullReferenceException), a workbook attribute that is not a number (FormatException,
                                       // OverflowException from uint.Parse); inputs in tests/FactoryPath.Fuzz/Regressions/xlsx-table
                                       or ArgumentException or NullReferenceException or FormatException or OverflowException)
        {
            return TabularReadResult.Failed(new EnterpriseMessage("file.unreadableXlsx",
                "无法读取该 Excel 文件，请确认它是 .xlsx 格式（不是 .xls）且没有损坏",
                "This Excel file cannot be read; make sure it is an .xlsx workbook (not .xls) and not damaged"));
        }

        return TabularReadResult.FromRecords(records, "xlsx", null);
    }

    /// <summary>Writes a header row and the data rows as text cells to the first sheet of a new workbook.</summary>
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string sheetName = "Sheet1")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var letters = Enumerable.Range(0, header.Count).Select(ColumnLetters).ToArray();

        IEnumerable<IDictionary<string, object?>> All()
        {
            yield return Row(header);
            foreach (var row in rows) yield return Row(row);
        }

        IDictionary<string, object?> Row(IReadOnlyList<string> cells)
        {
            var d = new Dictionary<string, object?>(letters.Length, StringComparer.Ordinal);
            for (var i = 0; i < letters.Length; i++) d[letters[i]] = i < cells.Count ? cells[i] : "";
            return d;
        }

        MiniExcel.SaveAs(stream, All(), printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX);
    }

    /// <summary>
    /// Writes several sheets to a new workbook, in order, without a header row of their own: each row's cells fill columns
    /// A, B, … as given (strings as text, numbers as numbers). Sheet names are made valid for Excel (at most 31 characters,
    /// none of : \ / ? * [ ], unique).
    /// </summary>
    public static void WriteSheets(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        var book = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var rows = sheet.Rows.ToList();
            var width = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
            var letters = Enumerable.Range(0, width).Select(ColumnLetters).ToArray();
            var cells = rows.Select(r =>
            {
                var d = new Dictionary<string, object?>(width, StringComparer.Ordinal);
                for (var i = 0; i < width; i++) d[letters[i]] = i < r.Count ? r[i] ?? "" : "";
                return (IDictionary<string, object?>)d;
            }).ToList();
            if (cells.Count == 0) cells.Add(new Dictionary<string, object?> { ["A"] = "" });
            book.Add(UniqueSheetName(sheet.Name, book.Keys), cells);
        }

        MiniExcel.SaveAs(stream, book, printHeader: false, excelType: ExcelType.XLSX);
    }

    private static string UniqueSheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string((name ?? "").Select(c => ":\\/?*[]".Contains(c) ? '_' : c).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = clean;
        for (var n = 2; used.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}

/// <summary>A sheet to write: its name and its rows of cells (string, number or null for empty).</summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<object?>> Rows);
