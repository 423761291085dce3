using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Roadmap;
using FactoryPath.Web.Api;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog;

public static class RoadmapApi
{
    /// <summary>GET /api/v1/results/{id}/roadmap: the scenarios that close this result's gaps, in order, with their effect on the level.</summary>
    public static RouteGroupBuilder MapRoadmapApi(this RouteGroupBuilder api)
    {
        api.MapGet("/results/{id:guid}/roadmap", async (HttpContext http, AssessmentService service, RoadmapService roadmaps, PlatformDbContext db, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetResultAsync(viewer, id, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == outcome.Value!.EnterpriseId, http.RequestAborted);
            return TypedResults.Ok(await roadmaps.PlanAsync(outcome.Value!, enterprise, http.RequestAborted));
        }).WithTags("results").WithName("GetRoadmap").WithSummary("The differentiated roadmap for a result").Produces<Roadmap>();
        return api;
    }
}

/// <summary>Plans a stored result's roadmap for its enterprise: shaped by size class and industry, priced from fitting solutions.</summary>
public sealed class RoadmapService(PlatformDbContext db, ModelRegistry models, ScenarioLibrary library, RoadmapShaping shaping, ScenarioCostCache costs)
{
    /// <summary>The roadmap of a stored result, planned against the model version the result was scored with.</summary>
    public async Task<Roadmap> PlanAsync(StoredResult stored, Enterprise enterprise, CancellationToken ct = default)
    {
        var model = models.Find(stored.ModelId, stored.ModelVersion) ?? models.Latest(stored.ModelId)
            ?? throw new InvalidOperationException($"Result {stored.Id} was scored with model {stored.ModelId}, which is no longer installed.");
        var lookup = await costs.ForAsync(db, enterprise.SizeClass, enterprise.IndustryCode, ct);
        var options = new RoadmapOptions(enterprise.SizeClass, enterprise.IndustryCode, shaping, lookup);
        return RoadmapPlanner.Plan(model, AssessmentService.Details(stored), library, options);
    }
}
