using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Enterprises;

public sealed record IndustryResponse(string Code, string NameZh, string NameEn, string Level, string? ParentCode);
public sealed record RegionResponse(string Code, string NameZh, string NameEn, string Level, string? ParentCode);

/// <summary>The standard code lists (GB/T 4754-2017 industries, GB/T 2260 regions) for forms and clients.</summary>
public static class ReferenceApi
{
    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags("reference");
        group.MapGet("/industries", () => TypedResults.Ok(IndustryCatalog.All
                .Select(i => new IndustryResponse(i.Code, i.NameZh, i.NameEn, i.Level.ToString().ToLowerInvariant(), i.ParentCode)).ToList()))
            .WithName("ListIndustries").WithSummary("GB/T 4754-2017 sections and divisions");
        group.MapGet("/regions", (string? parent) =>
        {
            var regions = string.IsNullOrWhiteSpace(parent) ? RegionCatalog.Provinces : RegionCatalog.ChildrenOf(parent.Trim());
            return TypedResults.Ok(regions.Select(r => new RegionResponse(r.Code, r.NameZh, r.NameEn, r.Level.ToString().ToLowerInvariant(), r.ParentCode)).ToList());
        }).WithName("ListRegions").WithSummary("GB/T 2260 provinces, or the prefectures of ?parent=CODE");
        return api;
    }
}
