using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Demands;

public sealed record DemandRequest(
    string? Title, string? Description, List<string>? Scenarios, long? BudgetMinCny, long? BudgetMaxCny, DateOnly? Deadline,
    string? RegionCode, DeploymentMode? PreferredDeployment)
{
    public DemandInput ToInput() => new(Title, Description, Scenarios, BudgetMinCny, BudgetMaxCny, Deadline, RegionCode, PreferredDeployment);
}

public sealed record ProposalRequest(long? PriceCny, int? DurationWeeks, string? Approach, Guid? SolutionId)
{
    public ProposalInput ToInput() => new(PriceCny, DurationWeeks, Approach, SolutionId);
}

public static class DemandsApi
{
    /// <summary>/api/v1/demands, /api/v1/inbox, /api/v1/proposals, /api/v1/projects.</summary>
    public static RouteGroupBuilder MapDemandsApi(this RouteGroupBuilder api)
    {
        var demands = api.MapGroup("/demands").WithTags("demands");

        demands.MapGet("/", async (HttpContext http, DemandService service, int? page, int? pageSize, string? status) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            DemandStatus? filter = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse<DemandStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [UiText.Pick("状态只能是 open、awarded 或 closed。", "status must be open, awarded or closed.")] });
                filter = parsed;
            }
            return Reply(await service.ListAsync(viewer, filter, paging, http.RequestAborted));
        }).WithName("ListDemands").WithSummary("The caller's demands (an enterprise its own; operators and regional administrators those they oversee), newest first, paged; ?status= filters")
          .Produces<PagedList<DemandSummary>>().ProducesProblem(StatusCodes.Status403Forbidden);

        demands.MapPost("/", async (HttpContext http, DemandService service, DemandRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.PostAsync(viewer, request.ToInput(), http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/demands/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("PostDemand").WithSummary("Post a demand; it is sent at once to the 20 best-matching providers")
          .Produces<DemandView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        demands.MapGet("/{id:guid}", async (HttpContext http, DemandService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.GetAsync(viewer, id, http.RequestAborted));
        }).WithName("GetDemand").WithSummary("One demand: for its owner with counts, for a recipient provider with the match reason and its own proposal (opening marks it read)")
          .Produces<DemandView>().ProducesProblem(StatusCodes.Status404NotFound);

        demands.MapPost("/{id:guid}/close", async (HttpContext http, DemandService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.CloseAsync(viewer, id, http.RequestAborted));
        }).WithName("CloseDemand").WithSummary("Withdraw an open demand; pending proposals are declined")
          .Produces<DemandView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        demands.MapGet("/{id:guid}/proposals", async (HttpContext http, ProposalService service, Guid id, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            return Reply(await service.CompareAsync(viewer, id, paging, http.RequestAborted));
        }).WithName("CompareProposals").WithSummary("Every proposal of a demand, cheapest first, for its owner to compare (providers never see this list)")
          .Produces<PagedList<ProposalView>>().ProducesProblem(StatusCodes.Status404NotFound);

        demands.MapPost("/{id:guid}/proposals", async (HttpContext http, ProposalService service, Guid id, ProposalRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.SubmitAsync(viewer, id, request.ToInput(), http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/proposals/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("SubmitProposal").WithSummary("A recipient provider answers an open demand (one proposal per provider)")
          .Produces<ProposalView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        demands.MapPost("/{id:guid}/accept/{proposalId:guid}", async (HttpContext http, ProposalService service, Guid id, Guid proposalId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.AcceptAsync(viewer, id, proposalId, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/projects/{outcome.Value!.Id}", outcome.Value) : outcome.ToProblem();
        }).WithName("AcceptProposal").WithSummary("Accept one proposal: the demand is awarded, the other proposals declined, and a planned project created")
          .Produces<ProjectView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var proposals = api.MapGroup("/proposals").WithTags("demands");
        proposals.MapGet("/{id:guid}", async (HttpContext http, ProposalService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.GetAsync(viewer, id, http.RequestAborted));
        }).WithName("GetProposal").WithSummary("One proposal, for its provider or the demand's owner").Produces<ProposalView>().ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPut("/{id:guid}", async (HttpContext http, ProposalService service, Guid id, ProposalRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.UpdateAsync(viewer, id, request.ToInput(), http.RequestAborted));
        }).WithName("UpdateProposal").WithSummary("Change one's own pending proposal while the demand is open")
          .Produces<ProposalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        proposals.MapPost("/{id:guid}/withdraw", async (HttpContext http, ProposalService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.WithdrawAsync(viewer, id, http.RequestAborted));
        }).WithName("WithdrawProposal").WithSummary("Withdraw one's own pending proposal while the demand is open")
          .Produces<ProposalView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/inbox", async (HttpContext http, DemandService service, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            return Reply(await service.InboxAsync(viewer, paging, http.RequestAborted));
        }).WithTags("demands").WithName("Inbox").WithSummary("The demands sent to the caller's provider, newest first, unread ones marked")
          .Produces<PagedList<InboxItem>>().ProducesProblem(StatusCodes.Status403Forbidden);

        var projects = api.MapGroup("/projects").WithTags("projects");
        projects.MapGet("/", async (HttpContext http, ProjectService service, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            return Reply(await service.ListAsync(viewer, paging, http.RequestAborted));
        }).WithName("ListProjects").WithSummary("The projects of the caller's enterprise or provider (a regional admin: of its region's enterprises), newest first, paged")
          .Produces<PagedList<ProjectView>>().ProducesProblem(StatusCodes.Status403Forbidden);

        projects.MapGet("/{id:guid}", async (HttpContext http, ProjectService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.GetAsync(viewer, id, http.RequestAborted));
        }).WithName("GetProject").WithSummary("One project, with the actions the caller may take now").Produces<ProjectView>().ProducesProblem(StatusCodes.Status404NotFound);

        projects.MapPost("/{id:guid}/start", async (HttpContext http, ProjectService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.StartAsync(viewer, id, http.RequestAborted));
        }).WithName("StartProject").WithSummary("The provider starts a planned project").Produces<ProjectView>().ProducesProblem(StatusCodes.Status409Conflict);

        projects.MapPost("/{id:guid}/complete", async (HttpContext http, ProjectService service, Guid id, CompletionRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.CompleteAsync(viewer, id, request, http.RequestAborted));
        }).WithName("CompleteProject").WithSummary("The enterprise completes a project in progress with outcome KPIs and a rating; with consent it becomes a demonstration case")
          .Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        projects.MapPost("/{id:guid}/cancel", async (HttpContext http, ProjectService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.CancelAsync(viewer, id, http.RequestAborted));
        }).WithName("CancelProject").WithSummary("Either side cancels a project before completion").Produces<ProjectView>().ProducesProblem(StatusCodes.Status409Conflict);

        projects.MapPost("/{id:guid}/consent", async (HttpContext http, ProjectService service, Guid id, ConsentRequest? request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            return Reply(await service.ConsentAsync(viewer, id, request ?? new ConsentRequest(), http.RequestAborted));
        }).WithName("ConsentToCase").WithSummary("The enterprise lets a completed project become a demonstration case (anonymised unless named=true)")
          .Produces<ProjectView>().ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static IResult Reply<T>(Outcome<T> outcome) => outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem();
}
