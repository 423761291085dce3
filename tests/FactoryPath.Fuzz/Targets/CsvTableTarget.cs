using System.Text;
using FactoryPath.Core.Tabular;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Uploaded CSV files through <see cref="CsvReader.Read"/> (encoding detection: BOM, strict UTF-8, else GB18030).
/// Promise: never throws; a table or an error with a code and both languages' text; rows in increasing row order.
/// Mutations re-encode the text now and then as GB18030, UTF-16 (either byte order) or UTF-8 with a BOM.
/// </summary>
public sealed class CsvTableTarget : TextTarget
{
    public override string Name => "csv-table";

    public override string Description => "CSV uploads (CsvReader, TextEncodings)";

    public override string Extension => ".csv";

    public override int ShortCampaignInputs => 5_000;

    protected override IReadOnlyList<string> Tokens => CsvTokens;

    internal static readonly string[] CsvTokens =
    [
        ",", "\"", "\"\"", "\",\"", "\r\n", "\n", "\r", ";", "；", "、", "|", "\t", "=1+1", "\"a,b\"", "\"\n\"", "\"\"\"", "\uFEFF",
        "是", "否", "yes", "no", "√", "-1", "0", "1e400", "-1e400", "1e28", "79228162514264337593543950336", "99999999999999999999",
        "9223372036854775808", "-9223372036854775809", "2147483648", "0.5", "1,000", "１２３", "NaN", "Infinity", "∞", "-0", "%",
        "％", ":", "：", "+30%", ":0.82:0.7:吨标煤/万元", "\0", "\uD800", "  ", "", "SaaS", "Hybrid", "Leader", "链主企业", "SmartFactoryBasic",
        "330000", "000000", "999999", "91330200MA2A0B1C3J", "91330200MA2A0B1C3", "9133020OMA2A0B1C3J", "https://", "javascript:",
    ];

    protected override byte[] Encode(string text, Random random) => random.Next(8) switch
    {
        0 => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
        1 => TextEncodings.Gb18030.GetBytes(text),
        2 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        3 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => Encoding.UTF8.GetBytes(text),
    };

    /// <summary>CSV bytes to text the way the reader decodes them, so token mutations work on every encoding of the corpus.</summary>
    protected override string DecodeForMutation(byte[] input) => TextEncodings.Decode(input).Text;

    public override Verdict Run(byte[] input) => TableResults.Check(CsvReader.Read(input));
}

/// <summary>The promise of the tabular readers: a table or an error, never both, rows in order.</summary>
internal static class TableResults
{
    public static Verdict Check(TabularReadResult result)
    {
        if (result.Table is null)
        {
            Promise.Require(result.Error is { } e && e.Code.Length > 0 && e.Zh.Length > 0 && e.En.Length > 0, "a file that is not read has an error in both languages");
            return Verdict.Rejected;
        }

        Promise.Require(result.Error is null, "a table comes without an error");
        var previous = 1;
        foreach (var row in result.Table.Rows)
        {
            Promise.Require(row.RowNumber > previous, $"row {row.RowNumber} follows row {previous}");
            previous = row.RowNumber;
        }

        return Verdict.Accepted;
    }
}
