using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;
using Microsoft.AspNetCore.Authorization;

namespace FactoryPath.Web.Regional;

/// <summary>
/// Downloads of the console tables, with the statistics' own authorization (403 outside the caller's scope, 404 for a
/// code that is no region or a table that does not exist):
/// <c>/export/{table}?format=csv|xlsx&amp;lang=zh|en</c> one table, <c>/export?lang=</c> every table as one workbook.
/// Served under /api/v1/region/{code} for API clients and under /region/{code} for the signed-in browser (cookie).
/// Without <c>lang</c> the headers follow the request's culture.
/// </summary>
public static class RegionExportApi
{
    public static RouteGroupBuilder MapRegionExportApi(this RouteGroupBuilder api)
    {
        var region = api.MapGroup("/region/{code}/export").WithTags("region");
        region.MapGet("/{table}", TableAsync).WithName("ExportRegionTable")
            .WithSummary("One console table as CSV (UTF-8 with BOM) or .xlsx; suppressed cells read \"<5\" as on screen")
            .Produces<byte[]>(contentType: "text/csv").Produces<byte[]>(contentType: RegionExport.XlsxType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        region.MapGet("", WorkbookAsync).WithName("ExportRegionWorkbook")
            .WithSummary("Every console table as one .xlsx workbook, after a cover sheet with region, scope, date and the suppression rule")
            .Produces<byte[]>(contentType: RegionExport.XlsxType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The same downloads for the signed-in browser, linked from the console page.</summary>
    public static IEndpointRouteBuilder MapRegionExports(this IEndpointRouteBuilder app)
    {
        var region = app.MapGroup("/region/{code}/export")
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{PlatformRoles.RegionalAdmin},{PlatformRoles.PlatformAdmin}" }).ExcludeFromDescription();
        region.MapGet("/{table}", TableAsync);
        region.MapGet("", WorkbookAsync);
        return app;
    }

    private static async Task<IResult> TableAsync(HttpContext http, RegionStatistics stats, TimeProvider clock, string code, string table, string? format, string? lang)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return Results.Unauthorized();
        var resolved = RegionStatistics.Resolve(viewer, code);
        if (!resolved.IsOk) return resolved.ToProblem();
        if (RegionTables.Find(table) is not { } definition) return OutcomeResults.NotFoundProblem();
        var errors = new Dictionary<string, string[]>();
        if (format is not ("csv" or "xlsx"))
            errors["format"] = [UiText.Pick("format 只能是 csv 或 xlsx。", "format must be csv or xlsx.")];
        if (!TryLanguage(lang, out var chinese)) errors["lang"] = [LanguageError];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var summary = await stats.SummaryAsync(viewer, code, http.RequestAborted);
        if (!summary.IsOk) return summary.ToProblem();
        var built = definition.For(summary.Value!, chinese);
        var date = Today(clock);
        NoStore(http);
        return format == "csv"
            ? TypedResults.File(RegionExport.Csv(built), RegionExport.CsvType, RegionExport.FileName(resolved.Value!.Code, definition.Key, date, "csv"))
            : TypedResults.File(RegionExport.Xlsx(built), RegionExport.XlsxType, RegionExport.FileName(resolved.Value!.Code, definition.Key, date, "xlsx"));
    }

    private static async Task<IResult> WorkbookAsync(HttpContext http, RegionStatistics stats, TimeProvider clock, string code, string? format, string? lang)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return Results.Unauthorized();
        var resolved = RegionStatistics.Resolve(viewer, code);
        if (!resolved.IsOk) return resolved.ToProblem();
        var errors = new Dictionary<string, string[]>();
        if (format is not (null or "xlsx"))
            errors["format"] = [UiText.Pick("整本导出只有 xlsx 格式；单张表可导出 CSV。", "The whole workbook is xlsx only; single tables come as CSV too.")];
        if (!TryLanguage(lang, out var chinese)) errors["lang"] = [LanguageError];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var summary = await stats.SummaryAsync(viewer, code, http.RequestAborted);
        if (!summary.IsOk) return summary.ToProblem();
        var date = Today(clock);
        NoStore(http);
        return TypedResults.File(RegionExport.Workbook(summary.Value!, RegionTables.Build(summary.Value!, chinese), chinese, date),
            RegionExport.XlsxType, RegionExport.FileName(resolved.Value!.Code, null, date, "xlsx"));
    }

    private static string LanguageError => UiText.Pick("lang 只能是 zh 或 en。", "lang must be zh or en.");

    private static bool TryLanguage(string? lang, out bool chinese)
    {
        chinese = lang switch { null => UiText.IsChinese(), "zh" or "zh-CN" => true, _ => false };
        return lang is null or "zh" or "zh-CN" or "en";
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // regional statistics are for the signed-in administrator only: no shared cache keeps a copy
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "private, no-store";
}
