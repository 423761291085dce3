using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Matching;

public static class MatchingApi
{
    /// <summary>/api/v1/match: solutions and providers for a demand or a roadmap, with why each matched.</summary>
    public static RouteGroupBuilder MapMatchingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/match", async (HttpContext http, MatchingService service, MatchInput input) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            var checkedInput = service.Validate(input);
            if (!checkedInput.IsOk) return checkedInput.ToProblem();
            var (request, kinds, top) = checkedInput.Value;
            var response = await service.MatchAsync(request, kinds, top, http.RequestAborted);
            return response is null ? Building() : TypedResults.Ok(response);
        }).WithTags("matching").WithName("Match").WithSummary("Solutions, providers and cases for a need, each with why it matched")
            .Produces<MatchResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/results/{id:guid}/matches", async (HttpContext http, MatchingService service, Guid id, int? top) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (top is < 1 or > MatchingService.MaxTop)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [UiText.Pick($"top 必须在 1 到 {MatchingService.MaxTop} 之间。", $"top must be between 1 and {MatchingService.MaxTop}.")] });
            var outcome = await service.ForResultAsync(viewer, id, top ?? MatchingService.DefaultTop, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            return outcome.Value is null ? Building() : TypedResults.Ok(outcome.Value);
        }).WithTags("results").WithName("GetResultMatches").WithSummary("Solutions for a result's roadmap and enterprise, each with why it matched")
            .Produces<ResultMatchesResponse>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/admin/matching/rebuild", async (MatchingIndex index, HttpContext http) =>
            TypedResults.Ok(await index.RebuildAsync(http.RequestAborted)))
            .RequireAuthorization(Policies.ApiPlatformAdmin)
            .WithTags("matching").WithName("RebuildMatchingIndex").WithSummary("Rebuild the matching index from the database (operator only)")
            .Produces<IndexRebuildReport>();
        return api;
    }

    private static IResult Building() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        detail: UiText.Pick("匹配索引正在建立，请稍后再试。", "The matching index is being built; try again shortly."));
}
