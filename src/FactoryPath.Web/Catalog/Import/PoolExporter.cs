using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog.Import;

public enum ExportFormat { Csv, Xlsx }

/// <summary>A file to send: written into <see cref="Stream"/> by the caller's response.</summary>
public sealed record ExportFile(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>
/// Exports a pool kind as CSV (UTF-8 with BOM, or GB18030) or .xlsx with the columns the import reads, so a file
/// exported and imported again is all "unchanged". Rows are streamed from the database as they are written.
/// </summary>
public sealed class PoolExporter(PoolImporter importer)
{
    /// <summary>Providers, solutions and cases: anyone signed in; chains: the operator, or a regional admin for its region.</summary>
    public static bool MayExport(Viewer viewer, PoolKind kind) =>
        kind != PoolKind.Chains || viewer.IsPlatformAdmin || viewer.IsRegionalAdmin;

    public Outcome<ExportFile> Export(Viewer viewer, PoolKind kind, ExportFormat format, string? encodingName, bool chinese, bool templateOnly)
    {
        if (!templateOnly && !MayExport(viewer, kind))
        {
            return Outcome<ExportFile>.Forbidden(UiText.Pick("只有平台运营方和地区管理员可以导出产业链。", "Only the operator and regional administrators export industrial chains."));
        }

        var encoding = TextEncodings.ForWriting(encodingName);
        if (encoding is null)
        {
            return Outcome<ExportFile>.Invalid("encoding", UiText.Pick("编码只能是 utf-8 或 gb18030。", "encoding must be utf-8 or gb18030."));
        }

        var table = importer.Table(kind);
        var header = table.Schema.Headers(chinese);
        var name = $"{kind.RouteName()}{(templateOnly ? "-template" : "")}";
        IAsyncEnumerable<IReadOnlyList<string>> Rows(CancellationToken ct) => templateOnly ? AsyncEnumerable.Empty<IReadOnlyList<string>>() : table.ExportAsync(viewer, chinese, ct);

        if (format == ExportFormat.Csv)
        {
            return Outcome<ExportFile>.Ok(new ExportFile($"{name}.csv", $"text/csv; charset={(encoding.CodePage == 54936 ? "gb18030" : "utf-8")}", async (stream, ct) =>
            {
                await using var csv = new CsvWriter(stream, encoding);
                await csv.WriteRowAsync(header, ct);
                await foreach (var row in Rows(ct)) await csv.WriteRowAsync(row, ct);
                await csv.FlushAsync();
            }));
        }

        return Outcome<ExportFile>.Ok(new ExportFile($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", async (stream, ct) =>
        {
            // a workbook is a zip archive written at the end, so it is built in a temporary file first and then streamed
            var path = Path.GetTempFileName();
            try
            {
                await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
                {
                    var buffered = Rows(ct).ToBlockingEnumerable(ct);
                    XlsxTable.Write(file, header, buffered, kind.RouteName());
                }

                await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
                await read.CopyToAsync(stream, ct);
            }
            finally
            {
                File.Delete(path);
            }
        }));
    }
}
