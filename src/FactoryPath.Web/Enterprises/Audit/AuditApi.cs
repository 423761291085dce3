using FactoryPath.Web.Api;
using FactoryPath.Web.Enterprises.Consent;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Enterprises.Audit;

public sealed record ConsentRequest(bool? AllowRegionalAdmins);

/// <summary>/api/v1/enterprises/{id}/consent (answer consent) and /api/v1/enterprises/{id}/admin-reads (the read log).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapConsentAndAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/enterprises/{enterpriseId:guid}").WithTags("consent and audit");
        group.MapGet("/consent", async (HttpContext http, ConsentService service, Guid enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(viewer, enterpriseId, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(outcome.Value!) : outcome.ToProblem();
        }).WithName("GetAnswerConsent").WithSummary("Whether the regional administrators of the enterprise's region may read its answers; who changed it and when")
          .Produces<ConsentState>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/consent", async (HttpContext http, ConsentService service, Guid enterpriseId, ConsentRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.SetAsync(viewer, enterpriseId, request.AllowRegionalAdmins, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(outcome.Value!) : outcome.ToProblem();
        }).WithName("SetAnswerConsent").WithSummary("Turn the consent on or off (the enterprise itself only)")
          .Produces<ConsentState>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/admin-reads", async (HttpContext http, AdminReadLog log, Guid enterpriseId, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var outcome = await log.ListAsync(viewer, enterpriseId, paging, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(outcome.Value!) : outcome.ToProblem();
        }).WithName("ListAdminReads").WithSummary("Reads of the enterprise's detail by administrators, newest first (the enterprise itself and the operator)")
          .Produces<PagedList<AdminReadEntry>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
