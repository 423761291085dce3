using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Web.Api;
using FactoryPath.Web.Catalog.Pool;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog;

public static class PoolApi
{
    /// <summary>/api/v1/pool: service providers, solutions, demonstration cases and industrial chains.</summary>
    public static RouteGroupBuilder MapPoolApi(this RouteGroupBuilder api)
    {
        var pool = api.MapGroup("/pool").WithTags("pool");
        pool.MapProviders();
        pool.MapSolutions();
        pool.MapCases();
        pool.MapChains();
        return api;
    }

    private static void MapProviders(this RouteGroupBuilder pool)
    {
        var group = pool.MapGroup("/providers");

        group.MapGet("/", async (HttpContext http, ProviderService service, ScenarioLibrary library, int? page, int? pageSize,
            string? search, string? scenario, string? industryCode, string? regionServed, string? regionCode) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.ListAsync(new ProviderFilter(search, scenario, industryCode, regionServed, regionCode), paging, http.RequestAborted);
            return TypedResults.Ok(Map(list, p => ProviderResponse.From(p, library)));
        }).WithName("ListProviders").WithSummary("Service providers in the pool, paged; filter by name or credit code, scenario, industry, region served or located")
          .Produces<PagedList<ProviderResponse>>();

        group.MapGet("/{id:guid}", async (HttpContext http, ProviderService service, ScenarioLibrary library, Guid id) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ProviderResponse.From(outcome.Value!, library)) : outcome.ToProblem();
        }).WithName("GetProvider").WithSummary("One service provider").Produces<ProviderResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpContext http, ProviderService service, ScenarioLibrary library, ProviderInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            return outcome.IsOk
                ? TypedResults.Created($"/api/v1/pool/providers/{outcome.Value!.Id}", ProviderResponse.From(outcome.Value, library))
                : outcome.ToPoolProblem();
        }).WithName("CreateProvider").WithSummary("Register a service provider (platform operator only)")
          .Produces<ProviderResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async (HttpContext http, ProviderService service, ScenarioLibrary library, Guid id, ProviderInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.UpdateAsync(viewer, id, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ProviderResponse.From(outcome.Value!, library)) : outcome.ToPoolProblem();
        }).WithName("UpdateProvider").WithSummary("Change a provider's profile (the provider's own account or the platform operator)")
          .Produces<ProviderResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:guid}", async (HttpContext http, ProviderService service, Guid id) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.DeleteAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem();
        }).WithName("DeleteProvider").WithSummary("Delete a provider and its solutions (platform operator only)")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}/solutions", async (HttpContext http, ProviderService providers, SolutionService solutions, ScenarioLibrary library,
            Guid id, int? page, int? pageSize) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var provider = await providers.GetAsync(id, http.RequestAborted);
            if (!provider.IsOk) return provider.ToProblem();
            var list = await solutions.ListAsync(new SolutionFilter(ProviderId: id), paging, http.RequestAborted);
            return TypedResults.Ok(Map(list, s => SolutionResponse.From(s, provider.Value!.Name, library)));
        }).WithName("ListProviderSolutions").WithSummary("A provider's solutions, paged").Produces<PagedList<SolutionResponse>>();
    }

    private static void MapSolutions(this RouteGroupBuilder pool)
    {
        var group = pool.MapGroup("/solutions");

        group.MapGet("/", async (HttpContext http, SolutionService service, ScenarioLibrary library, int? page, int? pageSize, string? search,
            string? scenario, string? industryCode, string? regionServed, string? deployment, Guid? providerId, bool? standardised) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            DeploymentMode? mode = null;
            if (!string.IsNullOrWhiteSpace(deployment))
            {
                if (!PoolNames.TryParse(deployment, out DeploymentMode parsed))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deployment"] = [UnknownChoice(deployment, Enum.GetNames<DeploymentMode>())] });
                mode = parsed;
            }
            var list = await service.ListAsync(new SolutionFilter(search, scenario, industryCode, regionServed, mode, providerId, standardised), paging, http.RequestAborted);
            var names = await service.ProviderNamesAsync(list.Items.Select(s => s.ProviderId), http.RequestAborted);
            return TypedResults.Ok(Map(list, s => SolutionResponse.From(s, names.GetValueOrDefault(s.ProviderId), library)));
        }).WithName("ListSolutions").WithSummary("Solutions in the pool, paged; filter by title, scenario, industry, region served, deployment, provider")
          .Produces<PagedList<SolutionResponse>>();

        group.MapGet("/{id:guid}", async (HttpContext http, SolutionService service, ScenarioLibrary library, Guid id) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(id, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var names = await service.ProviderNamesAsync([outcome.Value!.ProviderId], http.RequestAborted);
            return TypedResults.Ok(SolutionResponse.From(outcome.Value, names.GetValueOrDefault(outcome.Value.ProviderId), library));
        }).WithName("GetSolution").WithSummary("One solution").Produces<SolutionResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpContext http, SolutionService service, ScenarioLibrary library, SolutionInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToPoolProblem();
            var names = await service.ProviderNamesAsync([outcome.Value!.ProviderId], http.RequestAborted);
            return TypedResults.Created($"/api/v1/pool/solutions/{outcome.Value.Id}", SolutionResponse.From(outcome.Value, names.GetValueOrDefault(outcome.Value.ProviderId), library));
        }).WithName("CreateSolution").WithSummary("Publish a solution (a provider for itself, or the platform operator for any provider)")
          .Produces<SolutionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async (HttpContext http, SolutionService service, ScenarioLibrary library, Guid id, SolutionInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.UpdateAsync(viewer, id, request, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToPoolProblem();
            var names = await service.ProviderNamesAsync([outcome.Value!.ProviderId], http.RequestAborted);
            return TypedResults.Ok(SolutionResponse.From(outcome.Value, names.GetValueOrDefault(outcome.Value.ProviderId), library));
        }).WithName("UpdateSolution").WithSummary("Change a solution (its provider or the platform operator)")
          .Produces<SolutionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:guid}", async (HttpContext http, SolutionService service, Guid id) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.DeleteAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem();
        }).WithName("DeleteSolution").WithSummary("Delete a solution (its provider or the platform operator)")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}/cases", async (HttpContext http, SolutionService solutions, CaseService cases, ScenarioLibrary library,
            Guid id, int? page, int? pageSize) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var solution = await solutions.GetAsync(id, http.RequestAborted);
            if (!solution.IsOk) return solution.ToProblem();
            var list = await cases.ListAsync(new CaseFilter(SolutionId: id), paging, http.RequestAborted);
            return TypedResults.Ok(Map(list, c => CaseResponse.From(c, library)));
        }).WithName("ListSolutionCases").WithSummary("The demonstration cases that used a solution, paged").Produces<PagedList<CaseResponse>>();
    }

    private static void MapCases(this RouteGroupBuilder pool)
    {
        var group = pool.MapGroup("/cases");

        group.MapGet("/", async (HttpContext http, CaseService service, ScenarioLibrary library, int? page, int? pageSize, string? search,
            string? scenario, string? industryCode, string? regionCode, string? tier, Guid? providerId, Guid? solutionId) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            DemonstrationTier? level = null;
            if (!string.IsNullOrWhiteSpace(tier))
            {
                if (!PoolNames.TryParse(tier, out DemonstrationTier parsed))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tier"] = [UnknownChoice(tier, Enum.GetNames<DemonstrationTier>())] });
                level = parsed;
            }
            var list = await service.ListAsync(new CaseFilter(search, scenario, industryCode, regionCode, level, providerId, solutionId), paging, http.RequestAborted);
            return TypedResults.Ok(Map(list, c => CaseResponse.From(c, library)));
        }).WithName("ListCases").WithSummary("Demonstration cases, paged; filter by title, scenario, industry, region, tier, provider, solution")
          .Produces<PagedList<CaseResponse>>();

        group.MapGet("/{id:guid}", async (HttpContext http, CaseService service, ScenarioLibrary library, Guid id) =>
        {
            if (await http.ViewerAsync() is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(CaseResponse.From(outcome.Value!, library)) : outcome.ToProblem();
        }).WithName("GetCase").WithSummary("One demonstration case (an anonymised case never names its enterprise)")
          .Produces<CaseResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpContext http, CaseService service, ScenarioLibrary library, CaseInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            return outcome.IsOk
                ? TypedResults.Created($"/api/v1/pool/cases/{outcome.Value!.Id}", CaseResponse.From(outcome.Value, library))
                : outcome.ToPoolProblem();
        }).WithName("CreateCase").WithSummary("Record a demonstration case (a provider for itself, or the platform operator)")
          .Produces<CaseResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async (HttpContext http, CaseService service, ScenarioLibrary library, Guid id, CaseInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.UpdateAsync(viewer, id, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(CaseResponse.From(outcome.Value!, library)) : outcome.ToPoolProblem();
        }).WithName("UpdateCase").WithSummary("Change a demonstration case (its provider or the platform operator)")
          .Produces<CaseResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:guid}", async (HttpContext http, CaseService service, Guid id) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.DeleteAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem();
        }).WithName("DeleteCase").WithSummary("Delete a demonstration case (its provider or the platform operator)")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void MapChains(this RouteGroupBuilder pool)
    {
        var group = pool.MapGroup("/chains");

        group.MapGet("/", async (HttpContext http, ChainService service, int? page, int? pageSize, string? search, string? regionCode, bool? mine) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.ListAsync(viewer, new ChainFilter(search, regionCode, mine ?? false), paging, http.RequestAborted);
            return TypedResults.Ok(Map(list, c => ChainResponse.From(c, ChainService.CanEdit(viewer, c.Chain.RegionCode))));
        }).WithName("ListChains").WithSummary("Industrial chains with their leader and members by tier, paged; mine=true for the caller's enterprise's chains")
          .Produces<PagedList<ChainResponse>>();

        group.MapGet("/{id:guid}", async (HttpContext http, ChainService service, Guid id) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.GetAsync(id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ChainResponse.From(outcome.Value!, ChainService.CanEdit(viewer, outcome.Value!.Chain.RegionCode))) : outcome.ToProblem();
        }).WithName("GetChain").WithSummary("One industrial chain").Produces<ChainResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpContext http, ChainService service, ChainInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.CreateAsync(viewer, request, http.RequestAborted);
            return outcome.IsOk
                ? TypedResults.Created($"/api/v1/pool/chains/{outcome.Value!.Chain.Id}", ChainResponse.From(outcome.Value, showIds: true))
                : outcome.ToPoolProblem();
        }).WithName("CreateChain").WithSummary("Organise an industrial chain (platform operator, or a regional admin inside its region)")
          .Produces<ChainResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async (HttpContext http, ChainService service, Guid id, ChainInput request) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.UpdateAsync(viewer, id, request, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(ChainResponse.From(outcome.Value!, showIds: true)) : outcome.ToPoolProblem();
        }).WithName("UpdateChain").WithSummary("Change an industrial chain and replace its members")
          .Produces<ChainResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapDelete("/{id:guid}", async (HttpContext http, ChainService service, Guid id) =>
        {
            if (await http.ViewerAsync() is not { } viewer) return Results.Unauthorized();
            var outcome = await service.DeleteAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem();
        }).WithName("DeleteChain").WithSummary("Delete an industrial chain")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static PagedList<TOut> Map<TIn, TOut>(PagedList<TIn> list, Func<TIn, TOut> map) =>
        new(list.Items.Select(map).ToList(), list.Page, list.PageSize, list.Total);

    private static string UnknownChoice(string text, IEnumerable<string> allowed) =>
        UiText.Pick($"'{text.Trim()}' 无效，可选：{string.Join(", ", allowed)}", $"'{text.Trim()}' is not valid; use one of: {string.Join(", ", allowed)}");
}
