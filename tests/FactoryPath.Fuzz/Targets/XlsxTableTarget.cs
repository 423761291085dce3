using System.IO.Compression;
using System.Text;
using FactoryPath.Core.Tabular;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Uploaded workbooks through <see cref="XlsxTable.Read"/>. Promise: never throws; a table or the "cannot read this
/// Excel file" error; rows in order. Most mutations open the zip and mutate one entry's XML (cell references, types,
/// shared-string indexes, dimensions, entities), or drop or duplicate an entry; the rest mutate the zip's raw bytes.
/// </summary>
public sealed class XlsxTableTarget : FuzzTarget
{
    private static readonly string[] XmlTokens =
    [
        "<", ">", "/>", "</c>", "</row>", "\"", "&", "&amp;", "&#0;", "&#xD800;", "&#x1F600;", "&lt;", "&unknown;",
        "<c r=\"A1\" t=\"s\"><v>999999</v></c>", "<c r=\"A1\" t=\"s\"><v>-1</v></c>", "<c r=\"A1\" t=\"s\"><v>x</v></c>",
        "<c r=\"XFD1048576\"><v>1</v></c>", "<c r=\"A1048577\"><v>1</v></c>", "<c r=\"ZZZZZ1\"><v>1</v></c>", "<c r=\"\"><v>1</v></c>",
        "<c r=\"1A\"><v>1</v></c>", "<c><v>1</v></c>", "<c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c>", "<c r=\"A1\" t=\"b\"><v>2</v></c>",
        "<c r=\"A1\" t=\"d\"><v>not-a-date</v></c>", "<c r=\"A1\" s=\"9999\"><v>1</v></c>", "<c r=\"A1\" s=\"1\"><v>99999999</v></c>",
        "<c r=\"A1\" t=\"e\"><v>#N/A</v></c>", "<c r=\"A1\" t=\"str\"><f>1+1</f><v>2</v></c>", "<row r=\"0\">", "<row r=\"-1\">",
        "<row r=\"99999999999\">", "<row r=\"1048576\">", "<row>", "<dimension ref=\"A1:XFD1048576\"/>", "<dimension ref=\"A1\"/>",
        "<dimension ref=\"\"/>", "<v>1e308</v>", "<v>-1e400</v>", "<v>NaN</v>", "<v></v>", "<v>2958466</v>", "<v>-1</v>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "<si><t>x</t></si>", "<si/>", "<sheetData/>", "<mergeCell ref=\"A1:XFD1048576\"/>",
        "<numFmt numFmtId=\"200\" formatCode=\"yyyy-mm-dd\"/>", "<xf numFmtId=\"14\"/>", "<xf numFmtId=\"99999\"/>", "xmlns=\"\"",
        " r=\"", " t=\"s\"", " t=\"n\"", " s=\"", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<![CDATA[x]]>", "<t xml:space=\"preserve\"> </t>",
    ];

    private TextMutator xml = new(XmlTokens);
    private List<string> xmlTexts = [];

    public override string Name => "xlsx-table";

    public override string Description => "Excel uploads (XlsxTable over MiniExcel)";

    public override string Extension => ".xlsx";

    public override int ShortCampaignInputs => 1_500;

    public override void Prepare(IReadOnlyList<byte[]> corpus)
    {
        xmlTexts = corpus.SelectMany(bytes => Entries(bytes) ?? []).Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => Encoding.UTF8.GetString(e.Data)).ToList();
        xml = new TextMutator(XmlTokens);
        xml.Learn(xmlTexts);
    }

    public override byte[] Mutate(byte[] parent, Random random, IReadOnlyList<byte[]> corpus)
    {
        var entries = random.Next(4) == 0 ? null : Entries(parent);
        if (entries is null || entries.Count == 0) return ByteMutator.Mutate(parent, random, corpus);
        var at = random.Next(entries.Count);
        switch (random.Next(10))
        {
            case 0:
                entries.RemoveAt(at);
                break;
            case 1:
                entries.Insert(at, entries[random.Next(entries.Count)]);
                break;
            default:
            {
                // the sheet and the shared strings are where the data is: pick them more often
                var data = entries.FindIndex(e => e.Name.Contains("sheet", StringComparison.OrdinalIgnoreCase) || e.Name.Contains("sharedStrings", StringComparison.Ordinal));
                if (data >= 0 && random.Next(2) == 0) at = data;
                var text = Encoding.UTF8.GetString(entries[at].Data);
                entries[at] = (entries[at].Name, Encoding.UTF8.GetBytes(xml.Mutate(text, random, xmlTexts)));
                break;
            }
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, random.Next(3) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    public override Verdict Run(byte[] input) => TableResults.Check(XlsxTable.Read(new MemoryStream(input, writable: false)));

    private static List<(string Name, byte[] Data)>? Entries(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entries = new List<(string, byte[])>();
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > ByteMutator.MaxInputLength) return null;
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }

            return entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return null;
        }
    }
}
