using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;
using FactoryPath.Web.Regional;

namespace FactoryPath.Web.Demonstration;

/// <summary>
/// /api/v1 routes of the demonstration registry: tiers, an enterprise's standing and applications, the review list
/// (with CSV and .xlsx export) and decisions, and per-region counts of recognised enterprises.
/// </summary>
public static class DemonstrationApi
{
    public static RouteGroupBuilder MapDemonstrationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/demonstration/tiers", (DemonstrationTierCatalog tiers) => TypedResults.Ok(tiers.Tiers.Select(TierResponse.From).ToList()))
            .WithTags("demonstration").WithName("ListDemonstrationTiers").WithSummary("The tiers one may apply for, who reviews them");

        var enterprise = api.MapGroup("/enterprises/{enterpriseId:guid}/demonstration").WithTags("demonstration");
        enterprise.MapGet("/", async (HttpContext http, DemonstrationService service, Guid enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var standings = await service.StandingsAsync(viewer, enterpriseId, http.RequestAborted);
            return standings is null ? OutcomeResults.NotFoundProblem() : TypedResults.Ok(standings.Select(TierStandingResponse.From).ToList());
        }).WithName("GetDemonstrationStanding").WithSummary("Per tier: eligible now (each rule's requirement and the enterprise's value), open application, recognition")
          .Produces<List<TierStandingResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        enterprise.MapGet("/applications", async (HttpContext http, DemonstrationService service, Guid enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var list = await service.ListOwnAsync(viewer, enterpriseId, http.RequestAborted);
            return list is null ? OutcomeResults.NotFoundProblem() : TypedResults.Ok(list.Select(a => ApplicationSummary.From(a, service.Catalog)).ToList());
        }).WithName("ListOwnDemonstrationApplications").Produces<List<ApplicationSummary>>().ProducesProblem(StatusCodes.Status404NotFound);

        enterprise.MapPost("/applications", async (HttpContext http, DemonstrationService service, Guid enterpriseId, ApplyRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var result = await service.ApplyAsync(viewer, enterpriseId, request.Tier, request.Statement, http.RequestAborted);
            if (result.Ineligible is { } report) return Ineligible(report);
            return result.Outcome.IsOk
                ? TypedResults.Created($"/api/v1/demonstration/applications/{result.Outcome.Value!.Id}", ApplicationSummary.From(result.Outcome.Value, service.Catalog))
                : result.Outcome.ToProblem();
        }).WithName("ApplyForDemonstrationTier").WithSummary("Apply for a tier with a statement; the latest results and KPI evidence are attached. 422 lists unmet rules, 409 when one is open")
          .Produces<ApplicationSummary>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
          .ProducesProblem(StatusCodes.Status409Conflict);

        var apps = api.MapGroup("/demonstration/applications").WithTags("demonstration");
        apps.MapGet("/", async (HttpContext http, DemonstrationService service, string? status, string? tier, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            if (!TryFilter(status, tier, out var filter, out var filterErrors)) return TypedResults.ValidationProblem(filterErrors);
            var outcome = await service.ReviewListAsync(viewer, filter, paging, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var list = outcome.Value!;
            return TypedResults.Ok(new PagedList<ApplicationSummary>(list.Items.Select(r => ApplicationSummary.From(r.Application, service.Catalog, r.EnterpriseName, r.RegionCode)).ToList(),
                list.Page, list.PageSize, list.Total));
        }).WithName("ListDemonstrationApplications").WithSummary("Applications of the enterprises in the caller's region (operator: all), filtered by status and tier, paged")
          .Produces<PagedList<ApplicationSummary>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        apps.MapGet("/export", (HttpContext http, DemonstrationService service, string? status, string? tier, string? format) => ExportAsync(http, service, status, tier, format))
          .WithName("ExportDemonstrationApplications").WithSummary("The review list (same filters, every page) as CSV or .xlsx (?format=csv|xlsx)")
          .Produces<byte[]>(contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        apps.MapGet("/{id:guid}", async (HttpContext http, DemonstrationService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.DetailAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ApplicationResponse.From(outcome.Value!, service.Catalog)) : outcome.ToProblem();
        }).WithName("GetDemonstrationApplication").WithSummary("An application with its evidence snapshot, its thread and eligibility checked again now")
          .Produces<ApplicationResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        apps.MapPost("/{id:guid}/decision", async (HttpContext http, DemonstrationService service, Guid id, DecisionRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.DecideAsync(viewer, id, request.Decision, request.Comment, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ApplicationSummary.From(outcome.Value!, service.Catalog)) : outcome.ToProblem();
        }).WithName("DecideDemonstrationApplication").WithSummary("Approve, reject or return for changes, with a comment (required to reject or return)")
          .Produces<ApplicationSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        apps.MapPost("/{id:guid}/resubmit", async (HttpContext http, DemonstrationService service, Guid id, ResubmitRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var result = await service.ResubmitAsync(viewer, id, request.Statement, http.RequestAborted);
            if (result.Ineligible is { } report) return Ineligible(report);
            return result.Outcome.IsOk ? TypedResults.Ok(ApplicationSummary.From(result.Outcome.Value!, service.Catalog)) : result.Outcome.ToProblem();
        }).WithName("ResubmitDemonstrationApplication").WithSummary("Submit an application returned for changes again, with a new statement and fresh evidence")
          .Produces<ApplicationSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);

        apps.MapPost("/{id:guid}/withdraw", async (HttpContext http, DemonstrationService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.WithdrawAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ApplicationSummary.From(outcome.Value!, service.Catalog)) : outcome.ToProblem();
        }).WithName("WithdrawDemonstrationApplication").WithSummary("Withdraw an application under review")
          .Produces<ApplicationSummary>().ProducesProblem(StatusCodes.Status409Conflict);

        apps.MapPost("/{id:guid}/comments", async (HttpContext http, DemonstrationService service, Guid id, CommentRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.CommentAsync(viewer, id, request.Text, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/demonstration/applications/{id}", CommentResponse.From(outcome.Value!)) : outcome.ToProblem();
        }).WithName("CommentDemonstrationApplication").WithSummary("Add a remark to the application's thread (the enterprise and its reviewers see it)")
          .Produces<CommentResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapGet("/region/{code}/recognitions", async (HttpContext http, RegionStatistics stats, string code) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var resolved = RegionStatistics.Resolve(viewer, code);
            if (!resolved.IsOk) return resolved.ToProblem();
            var rows = (await stats.RecognitionsAsync(resolved.Value!, http.RequestAborted))
                .Select(r => new RecognitionRow(r.Tier, UiText.Pick(r.NameZh, r.NameEn), r.Enterprises)).ToList();
            return TypedResults.Ok(new RegionPart<IReadOnlyList<RecognitionRow>>(resolved.Value!, rows, Suppression.MinimumEnterprises));
        }).WithTags("region").WithName("GetRegionRecognitions").WithSummary("Enterprises of the region recognised per demonstration tier (cells of 1–4 suppressed)")
          .Produces<RegionPart<IReadOnlyList<RecognitionRow>>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The review list as CSV or .xlsx: the API route and the console page's download (signed in with the cookie).</summary>
    public static async Task<IResult> ExportAsync(HttpContext http, DemonstrationService service, string? status, string? tier, string? format)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return Results.Unauthorized();
        if (!TryFilter(status, tier, out var filter, out var filterErrors)) return TypedResults.ValidationProblem(filterErrors);
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [UiText.Pick("格式须为 csv 或 xlsx。", "format must be csv or xlsx.")] });
        if (!viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: UiText.Pick("只有区域管理员和平台运营方可以导出申报。", "Only regional administrators and the operator export applications."));
        var rows = await service.ReviewRowsAsync(viewer, filter, http.RequestAborted);
        var (header, cells) = ApplicationTable.Build(rows, service.Catalog);
        using var buffer = new MemoryStream();
        if (kind == "csv")
        {
            await using (var csv = new CsvWriter(buffer))
            {
                await csv.WriteRowAsync(header, http.RequestAborted);
                foreach (var row in cells) await csv.WriteRowAsync(row, http.RequestAborted);
            }
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "demonstration-applications.csv");
        }
        XlsxTable.Write(buffer, header, cells, "applications");
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "demonstration-applications.xlsx");
    }

    /// <summary>Downloads for the review page, which signs in with the cookie rather than a bearer token.</summary>
    public static IEndpointRouteBuilder MapDemonstrationExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/demonstration/export.csv", (HttpContext http, DemonstrationService service, string? status, string? tier) => ExportAsync(http, service, status, tier, "csv"))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/admin/demonstration/export.xlsx", (HttpContext http, DemonstrationService service, string? status, string? tier) => ExportAsync(http, service, status, tier, "xlsx"))
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static IResult Ineligible(EligibilityReport report) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: UiText.Pick("尚未满足申报条件", "Not eligible for this tier"),
        detail: string.Join(UiText.Pick("；", "; "), report.Rules.Where(r => !r.Met).Select(r => $"{TierResponse.Pick(r.Requirement)} ({TierResponse.Pick(r.Actual)})")),
        extensions: new Dictionary<string, object?>
        {
            ["unmetRules"] = report.Rules.Where(r => !r.Met)
                .Select(r => new RuleResponse(r.Rule.Kind, false, TierResponse.Pick(r.Requirement), TierResponse.Pick(r.Actual), false)).ToList(),
        });

    private static bool TryFilter(string? status, string? tier, out ApplicationFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ApplicationStatus? s = null;
        DemonstrationTier? t = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<ApplicationStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)) s = parsed;
            else errors["status"] = [UiText.Pick($"状态须为 {string.Join("、", Enum.GetNames<ApplicationStatus>())} 之一。", $"status must be one of {string.Join(", ", Enum.GetNames<ApplicationStatus>())}.")];
        }
        if (!string.IsNullOrWhiteSpace(tier))
        {
            if (Enum.TryParse<DemonstrationTier>(tier.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(tier, out _)) t = parsed;
            else errors["tier"] = [UiText.Pick($"层级须为 {string.Join("、", Enum.GetNames<DemonstrationTier>())} 之一。", $"tier must be one of {string.Join(", ", Enum.GetNames<DemonstrationTier>())}.")];
        }
        filter = new ApplicationFilter(s, t);
        return errors.Count == 0;
    }
}

/// <summary>The review list as a table, the same columns on screen, in CSV and in .xlsx.</summary>
public static class ApplicationTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Build(IReadOnlyList<ApplicationRow> rows, DemonstrationTierCatalog tiers)
    {
        IReadOnlyList<string> header = [UiText.Pick("企业", "Enterprise"), UiText.Pick("行政区划", "Region"), UiText.Pick("申报层级", "Tier"),
            UiText.Pick("状态", "Status"), UiText.Pick("提交时间（UTC）", "Submitted (UTC)"), UiText.Pick("决定时间（UTC）", "Decided (UTC)"), UiText.Pick("申报编号", "Application id")];
        var cells = rows.Select(r => (IReadOnlyList<string>)[r.EnterpriseName, r.RegionCode, ApplicationSummary.NameOf(r.Application.Tier, tiers),
            StatusName(r.Application.Status), r.Application.SubmittedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            r.Application.DecidedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "", r.Application.Id.ToString()]).ToList();
        return (header, cells);
    }

    public static string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => UiText.Pick("待审核", "Submitted"),
        ApplicationStatus.Approved => UiText.Pick("已通过", "Approved"),
        ApplicationStatus.Rejected => UiText.Pick("未通过", "Rejected"),
        ApplicationStatus.Returned => UiText.Pick("退回修改", "Returned for changes"),
        _ => UiText.Pick("已撤回", "Withdrawn"),
    };
}
