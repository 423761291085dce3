using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Regional;

/// <summary>
/// /api/v1/region/{code}/…: statistics of a region for its regional administrators and the platform operator. A code
/// that is no GB/T 2260 region is 404, a region outside the caller's scope (or a caller who is no administrator) 403.
/// Suppressed counts are null with <c>suppressed: true</c>.
/// </summary>
public static class RegionApi
{
    public static RouteGroupBuilder MapRegionApi(this RouteGroupBuilder api)
    {
        var region = api.MapGroup("/region/{code}").WithTags("region");

        region.MapGet("/summary", async (HttpContext http, RegionStatistics stats, string code) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await stats.SummaryAsync(viewer, code, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(outcome.Value!) : outcome.ToProblem();
        }).WithName("GetRegionSummary").WithSummary("Everything of a region: totals, by district, by industry, levels, gaps, market, solutions per scenario, recognitions")
            .Produces<RegionSummary>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        Part(region, "/by-district", "GetRegionByDistrict", "Enterprises registered and assessed per sub-region", (s, r, ct) => s.ByDistrictAsync(r, ct));
        Part(region, "/by-industry", "GetRegionByIndustry", "Enterprises registered and assessed per industry division", (s, r, ct) => s.ByIndustryAsync(r, ct));
        Part(region, "/levels", "GetRegionLevels", "Latest results per model and level", (s, r, ct) => s.LevelsAsync(r, ct));
        Part(region, "/gaps", "GetRegionGaps", "Questions most often below full marks in the latest results", (s, r, ct) => s.GapsAsync(r, ct));
        Part(region, "/rates", "GetRegionRates", "Rate indicators (e.g. equipment networking) pooled over the latest results", (s, r, ct) => s.RatesAsync(r, ct));
        Part(region, "/indicators", "GetRegionIndicators", "The indicator rates (networking, digitalisation, data collection, design tools, NC of key processes) per model", (s, r, ct) => s.IndicatorsAsync(r, ct));
        Part(region, "/level-trend", "GetRegionLevelTrend", "Enterprises per level of their latest result at the end of each of the last 12 months", (s, r, ct) => s.LevelTrendAsync(r, ct));
        Part(region, "/scene-maturity", "GetRegionSceneMaturity", "Scene maturity per industry division (heat map cells)", (s, r, ct) => s.SceneMaturityAsync(r, ct));
        Part(region, "/market", "GetRegionMarket", "Demands posted, matched, with proposals and accepted", (s, r, ct) => s.MarketAsync(r, ct));
        Part(region, "/solutions", "GetRegionSolutions",
            "Per typical scenario: solutions of the pool available in the region (provider serves it or the whole country), their providers, and the region's demands naming it",
            (s, r, ct) => s.SolutionsAsync(r, ct));
        return api;
    }

    private static void Part<T>(RouteGroupBuilder group, string path, string name, string summary, Func<RegionStatistics, RegionRef, CancellationToken, Task<T>> query) =>
        group.MapGet(path, async (HttpContext http, RegionStatistics stats, string code) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var resolved = RegionStatistics.Resolve(viewer, code);
            if (!resolved.IsOk) return resolved.ToProblem();
            return TypedResults.Ok(new RegionPart<T>(resolved.Value!, await query(stats, resolved.Value!, http.RequestAborted), Suppression.MinimumEnterprises));
        }).WithName(name).WithSummary(summary).Produces<RegionPart<T>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>One part of a region's statistics with the region it covers.</summary>
public sealed record RegionPart<T>(RegionRef Region, T Items, int MinimumCell);
