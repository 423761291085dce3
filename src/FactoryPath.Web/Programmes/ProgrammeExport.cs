using System.Globalization;
using System.Text;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Web.Programmes;

/// <summary>The applications of a programme as CSV (UTF-8 with BOM) or .xlsx, with the platform's tabular writers.</summary>
public static class ProgrammeExport
{
    public static IReadOnlyList<string> Header(bool chinese) => chinese
        ? ["申请编号", "企业名称", "统一社会信用代码", "行政区划代码", "企业规模", "申请金额（元）", "批准金额（元）", "状态", "资金用途", "申请时间（UTC）", "审核时间（UTC）", "审核意见"]
        : ["Application", "Enterprise", "Credit code", "Region code", "Size class", "Requested (CNY)", "Granted (CNY)", "Status", "Purpose", "Applied (UTC)", "Reviewed (UTC)", "Review comment"];

    public static IReadOnlyList<string> Row(ExportRow r, bool chinese) =>
    [
        r.Id.ToString(), r.EnterpriseName, r.CreditCode, r.RegionCode, chinese ? r.SizeClass.Zh() : r.SizeClass.En(),
        r.RequestedCny.ToString(CultureInfo.InvariantCulture), r.GrantedCny?.ToString(CultureInfo.InvariantCulture) ?? "",
        Status(r.Status, chinese), r.Purpose, Time(r.CreatedAt), r.ReviewedAt is { } at ? Time(at) : "", r.ReviewComment ?? "",
    ];

    public static string Status(ApplicationStatus status, bool chinese) => status switch
    {
        ApplicationStatus.Pending => chinese ? "待审核" : "Pending",
        ApplicationStatus.Approved => chinese ? "已批准" : "Approved",
        ApplicationStatus.Rejected => chinese ? "已驳回" : "Rejected",
        _ => chinese ? "已撤回" : "Withdrawn",
    };

    public static async Task WriteCsvAsync(Stream stream, IReadOnlyList<ExportRow> rows, bool chinese, CancellationToken ct)
    {
        await using var csv = new CsvWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await csv.WriteRowAsync(Header(chinese), ct);
        foreach (var row in rows) await csv.WriteRowAsync(Row(row, chinese), ct);
        await csv.FlushAsync();
    }

    /// <summary>The workbook is a zip written at the end, so it is built in memory (one programme's applications) and then sent.</summary>
    public static async Task WriteXlsxAsync(Stream stream, IReadOnlyList<ExportRow> rows, bool chinese, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        XlsxTable.Write(buffer, Header(chinese), rows.Select(r => Row(r, chinese)), chinese ? "申请" : "Applications");
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
