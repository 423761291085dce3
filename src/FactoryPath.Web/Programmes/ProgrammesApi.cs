using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Programmes;

/// <summary>/api/v1/programmes and /api/v1/programme-applications: support programmes, applications and their review.</summary>
public static class ProgrammesApi
{
    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("programmes");

        programmes.MapGet("/", async (HttpContext http, ProgrammeService service, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            return Reply(await service.ListAsync(viewer, paging, http.RequestAborted));
        }).WithName("ListProgrammes").WithSummary("Administrators: the programmes of their region, with budget and counts; enterprises: the open programmes of their region, with their own application's state")
          .Produces<PagedList<ProgrammeSummary>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        programmes.MapPost("/", async (HttpContext http, ProgrammeService service, ProgrammeInput request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/programmes/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("CreateProgramme").WithSummary("A regional administrator creates a programme in its region (the operator anywhere); amounts in whole yuan, rules as eligibility-rule objects")
          .Produces<ProgrammeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        programmes.MapGet("/{id:guid}", async (HttpContext http, ProgrammeService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.GetAsync(viewer, id, http.RequestAborted));
        }).WithName("GetProgramme").WithSummary("One programme: for administrators in scope with its budget (approved, remaining, applications per status); for an enterprise of its region with its eligibility checked now and its application")
          .Produces<ProgrammeView>().ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapPut("/{id:guid}", async (HttpContext http, ProgrammeService service, Guid id, ProgrammeInput request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.UpdateAsync(viewer, id, request, http.RequestAborted));
        }).WithName("UpdateProgramme").WithSummary("Edit a programme in scope; a budget below what is already approved is refused")
          .Produces<ProgrammeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapPost("/{id:guid}/applications", async (HttpContext http, ApplicationService service, Guid id, ApplicationInput request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.ApplyAsync(viewer, id, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/programme-applications/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("ApplyToProgramme").WithSummary("An enterprise of the programme's region applies (one application per programme); 422 names the unmet rules or the closed period")
          .Produces<ApplicationView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
          .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        programmes.MapGet("/{id:guid}/applications", async (HttpContext http, ApplicationService service, Guid id, string? status, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            if (!TryStatus(status, out var filter, out var problem)) return problem!;
            return Reply(await service.ListAsync(viewer, id, filter, paging, http.RequestAborted));
        }).WithName("ListProgrammeApplications").WithSummary("Administrators in scope: the applications, pending first, ?status= filters, paged")
          .Produces<PagedList<ApplicationView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        programmes.MapGet("/{id:guid}/applications/export", ExportAsync).WithName("ExportProgrammeApplications")
          .WithSummary("The applications (?status= filters) as CSV (format=csv, UTF-8 with BOM) or .xlsx (format=xlsx); lang=zh|en picks the header language")
          .Produces<byte[]>(contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var applications = api.MapGroup("/programme-applications").WithTags("programmes");

        applications.MapGet("/{id:guid}", async (HttpContext http, ApplicationService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (viewer.IsEnterpriseUser && !viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin) return Reply(await service.GetOwnAsync(viewer, id, http.RequestAborted));
            return Reply(await service.ReviewAsync(viewer, id, http.RequestAborted));
        }).WithName("GetProgrammeApplication").WithSummary("An enterprise: its own application. Administrators in scope: the review — application, budget, the enterprise's profile summary and its eligibility re-checked now")
          .Produces<ApplicationReview>().Produces<ApplicationView>().ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{id:guid}/withdraw", async (HttpContext http, ApplicationService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.WithdrawAsync(viewer, id, http.RequestAborted));
        }).WithName("WithdrawProgrammeApplication").WithSummary("The enterprise withdraws its pending application")
          .Produces<ApplicationView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/approve", async (HttpContext http, ApplicationService service, Guid id, ApprovalInput? request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.ApproveAsync(viewer, id, request ?? new ApprovalInput(), http.RequestAborted));
        }).WithName("ApproveProgrammeApplication").WithSummary("Approve a pending application, granting the amount requested or grantedCny (less); 409 when the budget left is too small (the detail names it) or the application is no longer pending")
          .Produces<ApplicationView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/reject", async (HttpContext http, ApplicationService service, Guid id, RejectionInput request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.RejectAsync(viewer, id, request, http.RequestAborted));
        }).WithName("RejectProgrammeApplication").WithSummary("Reject a pending application; the comment is required")
          .Produces<ApplicationView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>The export for signed-in browser users (cookie), linked from the programme page.</summary>
    public static IEndpointRouteBuilder MapProgrammeExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/programmes/{id:guid}/applications/export", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ApplicationService service, Guid id, string? status, string? format, string? lang)
    {
        var viewer = await http.ViewerAsync();
        if (viewer is null) return Results.Unauthorized();
        if (!TryStatus(status, out var filter, out var problem)) return problem!;
        if (format is not (null or "csv" or "xlsx"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [UiText.Pick("format 只能是 csv 或 xlsx。", "format must be csv or xlsx.")] });
        if (lang is not (null or "zh" or "en"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = [UiText.Pick("lang 只能是 zh 或 en。", "lang must be zh or en.")] });
        var rows = await service.ExportRowsAsync(viewer, id, filter, http.RequestAborted);
        if (!rows.IsOk) return rows.ToProblem();
        var chinese = lang is null ? UiText.IsChinese() : lang == "zh";
        var xlsx = format == "xlsx";
        var name = $"programme-{id:N}-applications.{(xlsx ? "xlsx" : "csv")}";
        http.Response.ContentType = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (xlsx) await ProgrammeExport.WriteXlsxAsync(http.Response.Body, rows.Value!, chinese, http.RequestAborted);
        else await ProgrammeExport.WriteCsvAsync(http.Response.Body, rows.Value!, chinese, http.RequestAborted);
        return Results.Empty;
    }

    private static bool TryStatus(string? text, out ApplicationStatus? status, out IResult? problem)
    {
        status = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Enum.TryParse<ApplicationStatus>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            status = parsed;
            return true;
        }
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["status"] = [UiText.Pick("状态只能是 pending、approved、rejected 或 withdrawn。", "status must be pending, approved, rejected or withdrawn.")],
        });
        return false;
    }

    private static IResult Reply<T>(Outcome<T> outcome) => outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem();
}
