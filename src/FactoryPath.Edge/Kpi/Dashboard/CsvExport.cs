using System.Globalization;
using System.Text;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>
/// The dashboard table as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel opens Chinese text correctly, a
/// header row in the chosen language, one row per bucket × group. Ratios are fractions (0.853), times are minutes,
/// numbers use the invariant culture (a point as decimal separator) so every spreadsheet reads them the same way.
/// </summary>
public static class CsvExport
{
    private static readonly string[] En =
        ["period start", "period", "group", "OEE", "availability", "effectiveness", "quality ratio", "good", "scrap", "energy (kWh)", "energy per good unit (kWh)", "planned busy time (min)", "running time (min)", "down time (min)"];

    private static readonly string[] Zh =
        ["时段开始", "时段", "分组", "OEE", "可用率", "性能效率", "质量合格率", "良品数", "废品数", "能耗 (kWh)", "单位良品能耗 (kWh)", "计划运行时间 (分钟)", "实际运行时间 (分钟)", "停机时间 (分钟)"];

    public static byte[] Write(IEnumerable<TableRow> rows, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', (chinese ? Zh : En).Select(Field)).Append("\r\n");
        foreach (var row in rows)
        {
            var f = row.Figures;
            text.AppendJoin(',',
                Field(row.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                Field(row.Label),
                Field(row.Group),
                Num(f.Oee), Num(f.Availability), Num(f.Effectiveness), Num(f.Quality),
                f.Good.ToString(CultureInfo.InvariantCulture), f.Scrap.ToString(CultureInfo.InvariantCulture),
                Num(f.EnergyKwh), Num(f.EnergyPerGoodUnit),
                Minutes(f.PlannedBusyMs), Minutes(f.RunningMs), Minutes(f.DownMs)).Append("\r\n");
        }
        var bom = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. bom, .. body];
    }

    private static string Num(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Minutes(long ms) => (ms / 60_000.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field that holds a comma, quote or line break (RFC 4180 §2); text a spreadsheet would run as a formula gets an apostrophe.</summary>
    private static string Field(string value)
    {
        value = GuardFormula(value);
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// OWASP "CSV Injection": text that starts with = + - @, a tab or a carriage return (after any apostrophes) gets one
    /// more apostrophe in front, so a spreadsheet shows it instead of running it. The same rule as the platform's
    /// FactoryPath.Core.Tabular.FormulaGuard, which the gateway does not reference; numbers are written without it.
    /// </summary>
    internal static string GuardFormula(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == '\'') i++;
        return i < text.Length && text[i] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
