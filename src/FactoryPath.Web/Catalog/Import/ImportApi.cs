using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog.Import;

public static class ImportApi
{
    /// <summary>The largest file an import accepts.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>/api/v1/pool/{kind}/import, /export and /template: CSV and .xlsx import with row validation, export and empty templates.</summary>
    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pool/{kind}").WithTags("pool import and export");

        group.MapPost("/import", async (HttpContext http, PoolImporter importer, string kind, string? mode) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (PoolKinds.Parse(kind) is not { } poolKind) return OutcomeResults.NotFoundProblem();
            if (ImportModes.Parse(mode) is not { } importMode)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [UiText.Pick("mode 只能是 validate、all 或 valid-only。", "mode must be validate, all or valid-only.")] });
            if (!PoolImporter.MayImport(viewer, poolKind))
                return Forbidden();
            var upload = await ReadUploadAsync(http);
            if (upload.Problem is { } problem) return problem;
            var outcome = await importer.ImportAsync(viewer, poolKind, upload.FileName!, upload.Content!, importMode, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var report = outcome.Value!;
            if (report.Outcome == ImportOutcome.InvalidFile)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = report.FileErrors.Select(e => UiText.Pick(e.Zh, e.En)).ToArray() },
                    detail: ImportReportResponse.Describe(report));
            return TypedResults.Ok(ImportReportResponse.From(report));
        }).WithName("ImportPool").DisableAntiforgery()
            .WithSummary("Import a CSV or .xlsx file (multipart field 'file', at most 20 MB) of providers, solutions, cases or chains; ?mode=validate (dry run, default), all (only when no row has an error) or valid-only")
            .Produces<ImportReportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/export", async (HttpContext http, PoolExporter exporter, string kind, string? format, string? encoding, string? headers) =>
            await SendAsync(http, exporter, kind, format, encoding, headers, templateOnly: false))
            .WithName("ExportPool").WithSummary("Export a kind with the columns the import reads: ?format=csv|xlsx&encoding=utf-8|gb18030&headers=zh|en");

        group.MapGet("/template", async (HttpContext http, PoolExporter exporter, string kind, string? format, string? encoding, string? headers) =>
            await SendAsync(http, exporter, kind, format, encoding, headers, templateOnly: true))
            .WithName("PoolImportTemplate").WithSummary("An empty import file with the headers of a kind: ?format=csv|xlsx");
        return api;
    }

    /// <summary>Sends an export or template (shared by the API and the download links of the import page).</summary>
    internal static async Task<IResult> SendAsync(HttpContext http, PoolExporter exporter, string kind, string? format, string? encoding, string? headers, bool templateOnly)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return Results.Unauthorized();
        if (PoolKinds.Parse(kind) is not { } poolKind) return OutcomeResults.NotFoundProblem();
        ExportFormat? exportFormat = format?.Trim().ToLowerInvariant() switch { null or "" or "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => null };
        if (exportFormat is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [UiText.Pick("format 只能是 csv 或 xlsx。", "format must be csv or xlsx.")] });
        bool? chinese = headers?.Trim().ToLowerInvariant() switch { null or "" => UiText.IsChinese(), "zh" => true, "en" => false, _ => null };
        if (chinese is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["headers"] = [UiText.Pick("headers 只能是 zh 或 en。", "headers must be zh or en.")] });
        var outcome = exporter.Export(viewer, poolKind, exportFormat.Value, encoding, chinese.Value, templateOnly);
        if (!outcome.IsOk) return outcome.ToProblem();
        var file = outcome.Value!;
        return Results.Stream(stream => file.WriteAsync(stream, http.RequestAborted), file.ContentType, file.FileName);
    }

    internal static IResult Forbidden() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: UiText.Pick(
        "只有平台运营方可以导入资源池数据；服务商只能导入自己的解决方案。",
        "Only the platform operator imports pool data; a service provider may import its own solutions."));

    private sealed record Upload(string? FileName, byte[]? Content, IResult? Problem);

    /// <summary>The multipart field 'file', at most <see cref="MaxFileBytes"/>, of a supported type; or the problem to answer.</summary>
    private static async Task<Upload> ReadUploadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxFileBytes + 1024 * 1024) return new(null, null, TooLarge());
        if (!http.Request.HasFormContentType)
            return new(null, null, FileProblem(UiText.Pick("请以 multipart/form-data 上传文件（字段名 file）。", "Upload the file as multipart/form-data in the field 'file'.")));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return new(null, null, TooLarge());
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return new(null, null, FileProblem(UiText.Pick("请选择要上传的文件（字段名 file）。", "Choose a file to upload (field 'file').")));
        if (file.Length > MaxFileBytes) return new(null, null, TooLarge());
        if (!TabularFile.IsSupported(file.FileName))
        {
            var error = TabularFile.Unsupported(Path.GetExtension(file.FileName));
            return new(null, null, FileProblem(UiText.Pick(error.Zh, error.En)));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, http.RequestAborted);
        return new(file.FileName, buffer.ToArray(), null);
    }

    private static IResult FileProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    internal static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: UiText.Pick(
        $"文件太大：最多 {MaxFileBytes / 1024 / 1024} MB。请拆分成几个文件分别导入。",
        $"The file is too large: at most {MaxFileBytes / 1024 / 1024} MB. Split it and import the parts one by one."));
}
