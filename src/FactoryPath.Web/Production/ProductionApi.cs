using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Production;

/// <summary>/api/v1/production: an enterprise's production KPIs from its gateways' minutes, and the CSV export.</summary>
public static class ProductionApi
{
    public static RouteGroupBuilder MapProductionApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/production").WithTags("production");

        group.MapGet("/summary", async (HttpContext http, ProductionService service, Guid? enterpriseId, DateTimeOffset? from, DateTimeOffset? to, string? group) =>
        {
            var (enterprise, range, problem) = await ScopeAsync(http, service, enterpriseId, from, to);
            if (problem is not null) return problem;
            if (!TryGroup(group, out var level, out problem)) return problem!;
            return TypedResults.Ok(await service.SummaryAsync(enterprise, range!, level, http.RequestAborted));
        }).WithName("GetProductionSummary").WithSummary("KPIs of the range per machine, line or site (group), and over all machines")
            .Produces<ProductionSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/trend", async (HttpContext http, ProductionService service, Guid? enterpriseId, DateTimeOffset? from, DateTimeOffset? to, string? bucket) =>
        {
            var (enterprise, range, problem) = await ScopeAsync(http, service, enterpriseId, from, to);
            if (problem is not null) return problem;
            if (!TryBucket(bucket, out var width, out problem)) return problem!;
            return TypedResults.Ok(await service.TrendAsync(enterprise, range!, width, http.RequestAborted));
        }).WithName("GetProductionTrend").WithSummary("OEE, its factors, energy per good unit, good and scrap per hour, shift, day or ISO week (bucket)")
            .Produces<ProductionTrend>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/pareto", async (HttpContext http, ProductionService service, Guid? enterpriseId, DateTimeOffset? from, DateTimeOffset? to) =>
        {
            var (enterprise, range, problem) = await ScopeAsync(http, service, enterpriseId, from, to);
            if (problem is not null) return problem;
            return TypedResults.Ok(await service.ParetoAsync(enterprise, range!, UiText.IsChinese(), http.RequestAborted));
        }).WithName("GetProductionPareto").WithSummary("Down time by reason, longest first, with shares")
            .Produces<ProductionPareto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/live", async (HttpContext http, ProductionService service, Guid? enterpriseId, string? period) =>
        {
            var (enterprise, _, problem) = await ScopeAsync(http, service, enterpriseId, null, null);
            if (problem is not null) return problem;
            if (period is not (null or "shift" or "day"))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [http.RequestServices.GetRequiredService<UiText>()["production.error.period"]] });
            return TypedResults.Ok(await service.LiveAsync(enterprise, period != "day", http.RequestAborted));
        }).WithName("GetProductionLive").WithSummary("Each machine's state now, its counters and power, and its KPIs over the current shift (or day)")
            .Produces<ProductionLive>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/export.csv", ExportAsync).WithName("ExportProductionCsv")
            .WithSummary("The KPIs as CSV (UTF-8 with BOM), one row per bucket × group; lang=zh|en picks the header language")
            .Produces<byte[]>(contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>The export for signed-in browser users (cookie), linked from the production page.</summary>
    public static IEndpointRouteBuilder MapProductionExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/production/export.csv", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ProductionService service, Guid? enterpriseId, DateTimeOffset? from, DateTimeOffset? to,
        string? bucket, string? group, string? lang)
    {
        var (enterprise, range, problem) = await ScopeAsync(http, service, enterpriseId, from, to);
        if (problem is not null) return problem;
        if (!TryBucket(bucket ?? "hour", out var width, out problem)) return problem!;
        if (!TryGroup(group, out var level, out problem)) return problem!;
        if (lang is not (null or "zh" or "en"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["lang must be zh or en"] });
        var chinese = lang is null ? UiText.IsChinese() : lang == "zh";
        var csv = await service.ExportAsync(enterprise, range!, width, level, chinese, http.RequestAborted);
        var name = $"production-{range!.From:yyyyMMdd}-{range.To.AddTicks(-1):yyyyMMdd}-{width.ToString().ToLowerInvariant()}-{level.ToString().ToLowerInvariant()}.csv";
        return TypedResults.File(csv, "text/csv; charset=utf-8", name);
    }

    private static async Task<(Guid Enterprise, ProductionRange? Range, IResult? Problem)> ScopeAsync(HttpContext http, ProductionService service, Guid? enterpriseId,
        DateTimeOffset? from, DateTimeOffset? to)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return (default, null, Results.Unauthorized());
        var enterprise = await service.EnterpriseAsync(viewer, enterpriseId, http.RequestAborted);
        if (!enterprise.IsOk) return (default, null, enterprise.ToProblem());
        var range = service.Range(from, to);
        if (!range.IsOk) return (default, null, range.ToProblem());
        return (enterprise.Value, range.Value, null);
    }

    private static bool TryGroup(string? text, out DashboardGroup group, out IResult? problem)
    {
        problem = null;
        if (text is null) { group = DashboardGroup.Machine; return true; }
        if (DashboardGroups.TryParse(text, out group)) return true;
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["group"] = [UiText.Pick("分组只能是 machine、line 或 site。", "group must be machine, line or site.")] });
        return false;
    }

    private static bool TryBucket(string? text, out DashboardBucket bucket, out IResult? problem)
    {
        problem = null;
        if (text is null) { bucket = DashboardBucket.Hour; return true; }
        if (Buckets.TryParse(text, out bucket)) return true;
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = [UiText.Pick("时段只能是 hour、shift、day 或 week。", "bucket must be hour, shift, day or week.")] });
        return false;
    }
}
