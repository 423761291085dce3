using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Roadmap;
using FactoryPath.Web.Api;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog;

public static class RoadmapApi
{
    /// <summary>GET /api/v1/results/{id}/roadmap: the scenarios that close this result's gaps, in order, with their effect on the level.</summary>
    public static RouteGroupBuilder MapRoadmapApi(this RouteGroupBuilder api)
    {
        api.MapGet("/results/{id:guid}/roadmap", async (HttpContext http, AssessmentService service, ModelRegistry models, ScenarioLibrary library, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetResultAsync(viewer, id, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            return TypedResults.Ok(PlanFor(outcome.Value!, models, library));
        }).WithTags("results").WithName("GetRoadmap").WithSummary("The differentiated roadmap for a result").Produces<Roadmap>();
        return api;
    }

    /// <summary>The roadmap of a stored result, planned against the model version the result was scored with.</summary>
    public static Roadmap PlanFor(StoredResult stored, ModelRegistry models, ScenarioLibrary library)
    {
        var model = models.Find(stored.ModelId, stored.ModelVersion) ?? models.Latest(stored.ModelId)
            ?? throw new InvalidOperationException($"Result {stored.Id} was scored with model {stored.ModelId}, which is no longer installed.");
        return RoadmapPlanner.Plan(model, AssessmentService.Details(stored), library);
    }
}
