using FactoryPath.Core.Assessment;
using FactoryPath.Web.Api;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Assessment;

public sealed record StartSheetRequest(string? ModelId, string? Version);

/// <summary>
/// The body of PUT /sheets/{id}/answers: the answers (question id → answer) and, for answers that differ from the live
/// value, the reason for the override (question id → reason).
/// </summary>
public sealed record SaveAnswersRequest(IReadOnlyDictionary<string, Answer>? Answers, IReadOnlyDictionary<string, string?>? Reasons)
{
    public AnswerSheetData Data => new() { Answers = Answers ?? new Dictionary<string, Answer>() };
}

/// <param name="Evidence">For answers of questions that can take live data: source (live, manual, override), value, live value, measured at, reason.</param>
public sealed record AnswerSheetResponse(
    Guid Id, Guid EnterpriseId, string ModelId, string ModelVersion, string Status, int Answered, int Questions,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt, AnswerSheetData? Answers, IReadOnlyDictionary<string, AnswerEvidence>? Evidence)
{
    public static AnswerSheetResponse From(AnswerSheet s, AssessmentModel model, bool withAnswers)
    {
        var answers = AssessmentService.AnswersOf(s);
        var progress = AnswerProgress.Of(model, answers);
        return new AnswerSheetResponse(s.Id, s.EnterpriseId, s.ModelId, s.ModelVersion, s.Status.ToString().ToLowerInvariant(),
            progress.Answered, progress.Total, s.CreatedAt, s.UpdatedAt, s.SubmittedAt, withAnswers ? answers : null, withAnswers ? AnswerEvidence.Of(s) : null);
    }
}

public static class AnswerSheetsApi
{
    public static RouteGroupBuilder MapAnswerSheetsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/enterprises/{enterpriseId:guid}/sheets", async (HttpContext http, AssessmentService service, Guid enterpriseId, StartSheetRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.StartAsync(viewer, enterpriseId, request.ModelId, request.Version, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var sheet = outcome.Value!;
            return TypedResults.Created($"/api/v1/sheets/{sheet.Id}", AnswerSheetResponse.From(sheet, service.ModelOf(sheet), withAnswers: true));
        }).WithTags("answer sheets").WithName("StartAnswerSheet")
          .WithSummary("Start an answer sheet for a model (continues the open draft of the same model version)")
          .Produces<AnswerSheetResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapGet("/enterprises/{enterpriseId:guid}/sheets", async (HttpContext http, AssessmentService service, Guid enterpriseId, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.ListSheetsAsync(viewer, enterpriseId, paging, http.RequestAborted);
            if (list is null) return OutcomeResults.NotFoundProblem();
            if (await service.AnswersRefusalAsync(viewer, enterpriseId, http.RequestAborted) is { } refused)
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: refused);
            return TypedResults.Ok(new PagedList<AnswerSheetResponse>(
                list.Items.Select(s => AnswerSheetResponse.From(s, service.ModelOf(s), withAnswers: false)).ToList(), list.Page, list.PageSize, list.Total));
        }).WithTags("answer sheets").WithName("ListAnswerSheets").Produces<PagedList<AnswerSheetResponse>>();

        var sheets = api.MapGroup("/sheets").WithTags("answer sheets");
        sheets.MapGet("/{id:guid}", async (HttpContext http, AssessmentService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetSheetAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AnswerSheetResponse.From(outcome.Value!, service.ModelOf(outcome.Value!), withAnswers: true)) : outcome.ToProblem();
        }).WithName("GetAnswerSheet").Produces<AnswerSheetResponse>();

        sheets.MapPut("/{id:guid}/answers", async (HttpContext http, AssessmentService service, Guid id, SaveAnswersRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.SaveDraftAsync(viewer, id, request.Data, request.Reasons, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AnswerSheetResponse.From(outcome.Value!, service.ModelOf(outcome.Value!), withAnswers: true)) : outcome.ToProblem();
        }).WithName("SaveDraft").WithSummary("Replace the draft's answers; invalid values, and answers that differ from the live value without a reason (field 'questionId.reason'), give 400 with field errors and change nothing")
          .Produces<AnswerSheetResponse>().ProducesValidationProblem();

        sheets.MapPost("/{id:guid}/submit", async (HttpContext http, AssessmentService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.SubmitAsync(viewer, id, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var peers = await service.PeersAsync(outcome.Value!, http.RequestAborted);
            return TypedResults.Created($"/api/v1/results/{outcome.Value!.Id}", ResultResponse.From(outcome.Value!, peers));
        }).WithName("SubmitAnswerSheet").WithSummary("Score a complete sheet and store its result")
          .Produces<ResultResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        return api;
    }
}
