using FactoryPath.Core.Assessment;
using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Assessment;

public sealed record ResultSummary(Guid Id, Guid EnterpriseId, Guid AnswerSheetId, string ModelId, string ModelVersion, double Score, int Level, DateTime SubmittedAt, bool IsLatest)
{
    public static ResultSummary From(StoredResult r) => new(r.Id, r.EnterpriseId, r.AnswerSheetId, r.ModelId, r.ModelVersion, r.Score, r.Level, r.SubmittedAt, r.IsLatest);
}

public sealed record ResultResponse(ResultSummary Summary, AssessmentResult Result, PeerStanding Peers)
{
    public static ResultResponse From(StoredResult r, PeerStanding peers) => new(ResultSummary.From(r), AssessmentService.Details(r), peers);
}

public static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/enterprises/{enterpriseId:guid}/results", async (HttpContext http, AssessmentService service, Guid enterpriseId, string? modelId, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.HistoryAsync(viewer, enterpriseId, modelId, paging, http.RequestAborted);
            if (list is null) return OutcomeResults.NotFoundProblem();
            return TypedResults.Ok(new PagedList<ResultSummary>(list.Items.Select(ResultSummary.From).ToList(), list.Page, list.PageSize, list.Total));
        }).WithTags("results").WithName("ListResults").WithSummary("An enterprise's assessment history, newest first").Produces<PagedList<ResultSummary>>();

        api.MapGet("/results/{id:guid}", async (HttpContext http, AssessmentService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetResultAsync(viewer, id, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var peers = await service.PeersAsync(outcome.Value!, http.RequestAborted);
            return TypedResults.Ok(ResultResponse.From(outcome.Value!, peers));
        }).WithTags("results").WithName("GetResult").WithSummary("A result: every node's score, the level, the gaps to the next level and the peer standing")
          .Produces<ResultResponse>();
        return api;
    }
}
