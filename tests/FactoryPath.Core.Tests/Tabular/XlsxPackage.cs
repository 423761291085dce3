using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FactoryPath.Core.Tests.Tabular;

/// <summary>
/// A cell as a worksheet part stores it (SpreadsheetML, ECMA-376 Part 1 §18.3.1.4 "c"): its reference, its type
/// attribute <c>t</c> ("s" shared string, "inlineStr", "str" the text result of a formula, "n" or none a number), its
/// formula <c>f</c> if any, and its text (a shared string looked up in the shared string table, §18.4.9 "sst").
/// </summary>
internal sealed record XlsxStoredCell(string Part, string Reference, string? Type, string? Formula, string Text)
{
    /// <summary>
    /// Stored as text and not computed: no formula, and a string type — shared ("s"), inline ("inlineStr") or "str"
    /// (MiniExcel's choice; §18.18.11 names it the type of a formula's text result, and without an "f" element there
    /// is no formula: spreadsheets show the value as it is).
    /// </summary>
    public bool IsText => Type is "s" or "inlineStr" or "str" && Formula is null;
}

/// <summary>Reads an .xlsx package without a spreadsheet library, to see what a spreadsheet would open.</summary>
internal static class XlsxPackage
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Whether the bytes are a zip archive (a local file header first, APPNOTE.TXT §4.3.7).</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Every cell of every worksheet part, in the order the parts hold them.</summary>
    public static IReadOnlyList<XlsxStoredCell> Cells(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } table
            ? Load(table).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var cells = new List<XlsxStoredCell>();
        foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            foreach (var c in Load(part).Descendants(Main + "c"))
            {
                var type = c.Attribute("t")?.Value;
                var value = c.Element(Main + "v")?.Value;
                var text = type switch
                {
                    "s" when value is not null => shared[int.Parse(value, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                    _ => value ?? "",
                };
                cells.Add(new XlsxStoredCell(part.FullName, c.Attribute("r")?.Value ?? "", type, c.Element(Main + "f")?.Value, text));
            }
        }

        return cells;
    }

    /// <summary>
    /// All text a zip package holds, one piece a line: of each XML part its text nodes and attribute values (entities
    /// decoded, so "A&amp;amp;B" reads "A&amp;B" as written by the user), other parts as UTF-8; for a workbook also
    /// each cell's whole text (a string stored in several formatted runs is one piece).
    /// </summary>
    public static string Text(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var text = new StringBuilder();
        if (zip.GetEntry("xl/workbook.xml") is not null)
        {
            foreach (var cell in Cells(package)) text.Append(cell.Text).Append('\n');
        }

        foreach (var entry in zip.Entries)
        {
            text.Append(entry.FullName).Append('\n');
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            XDocument? xml = null;
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                try { xml = XDocument.Load(new MemoryStream(bytes)); }
                catch (XmlException) { xml = null; }
            }

            if (xml is null)
            {
                text.Append(Encoding.UTF8.GetString(bytes)).Append('\n');
                continue;
            }

            foreach (var element in xml.Descendants())
            {
                foreach (var attribute in element.Attributes()) text.Append(attribute.Value).Append('\n');
                foreach (var node in element.Nodes().OfType<XText>()) text.Append(node.Value).Append('\n');
            }
        }

        return text.ToString();
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
