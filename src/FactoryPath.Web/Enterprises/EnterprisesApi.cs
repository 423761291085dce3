using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Enterprises;

public sealed record EnterpriseRequest(string? Name, string? CreditCode, string? IndustryCode, string? RegionCode, int? Employees, decimal? AnnualRevenueCny)
{
    public EnterpriseProfileInput ToInput() => new(Name, CreditCode, IndustryCode, RegionCode, Employees, AnnualRevenueCny);
}

public sealed record EnterpriseResponse(
    Guid Id, string Name, string CreditCode, string IndustryCode, string? IndustryName, string RegionCode, string? RegionName,
    string ProvinceCode, int Employees, decimal AnnualRevenueCny, string SizeClass, string SizeClassName, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static EnterpriseResponse From(Enterprise e)
    {
        var zh = Localization.UiText.IsChinese();
        var industry = IndustryCatalog.Find(e.IndustryCode);
        var region = RegionCatalog.Find(e.RegionCode) ?? RegionCatalog.PrefectureOf(e.RegionCode);
        return new EnterpriseResponse(e.Id, e.Name, e.CreditCode, e.IndustryCode, zh ? industry?.NameZh : industry?.NameEn,
            e.RegionCode, zh ? region?.NameZh : region?.NameEn, e.ProvinceCode, e.Employees, e.AnnualRevenueCny,
            e.SizeClass.ToString().ToLowerInvariant(), zh ? e.SizeClass.Zh() : e.SizeClass.En(), e.CreatedAt, e.UpdatedAt);
    }
}

public static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprisesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/enterprises").WithTags("enterprises");

        group.MapGet("/", async (HttpContext http, EnterpriseService service, int? page, int? pageSize, string? search, string? regionCode, string? industryCode) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            if (FilterErrors(regionCode, industryCode) is { Count: > 0 } filterErrors) return TypedResults.ValidationProblem(filterErrors);
            var list = await service.ListAsync(viewer, new EnterpriseFilter(search, regionCode, industryCode), paging, http.RequestAborted);
            return TypedResults.Ok(new PagedList<EnterpriseResponse>(list.Items.Select(EnterpriseResponse.From).ToList(), list.Page, list.PageSize, list.Total));
        }).WithName("ListEnterprises").WithSummary("Enterprises the caller may see, paged").Produces<PagedList<EnterpriseResponse>>();

        group.MapPost("/", async (HttpContext http, EnterpriseService service, ViewerAccessor viewers, EnterpriseRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request.ToInput(), http.RequestAborted);
            viewers.Reset();
            return outcome.IsOk
                ? TypedResults.Created($"/api/v1/enterprises/{outcome.Value!.Id}", EnterpriseResponse.From(outcome.Value))
                : outcome.ToProblem();
        }).WithName("CreateEnterprise").WithSummary("Register the caller's enterprise").Produces<EnterpriseResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (HttpContext http, EnterpriseService service, Audit.AdminReadLog reads, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(viewer, id, http.RequestAborted);
            if (outcome.IsOk) await reads.RecordAsync(viewer, id, Audit.AdminReadKinds.Profile, id.ToString(), http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(EnterpriseResponse.From(outcome.Value!)) : outcome.ToProblem();
        }).WithName("GetEnterprise").Produces<EnterpriseResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (HttpContext http, EnterpriseService service, Guid id, EnterpriseRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.UpdateAsync(viewer, id, request.ToInput(), http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(EnterpriseResponse.From(outcome.Value!)) : outcome.ToProblem();
        }).WithName("UpdateEnterprise").Produces<EnterpriseResponse>().ProducesValidationProblem();

        return api;
    }

    /// <summary>A filter naming no region of GB/T 2260 or no industry of GB/T 4754 is refused rather than read as "none".</summary>
    private static Dictionary<string, string[]> FilterErrors(string? regionCode, string? industryCode)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(regionCode) && !RegionCatalog.IsValidCode(regionCode.Trim()))
        {
            errors["regionCode"] = [UiText.Pick($"没有行政区划代码 {regionCode}（GB/T 2260，六位数字）。",
                $"There is no region code {regionCode} (GB/T 2260, six digits).")];
        }
        if (!string.IsNullOrWhiteSpace(industryCode) && IndustryCatalog.Find(industryCode.Trim()) is null)
        {
            errors["industryCode"] = [UiText.Pick($"没有行业代码 {industryCode}（GB/T 4754-2017）。",
                $"There is no industry code {industryCode} (GB/T 4754-2017).")];
        }
        return errors;
    }
}
