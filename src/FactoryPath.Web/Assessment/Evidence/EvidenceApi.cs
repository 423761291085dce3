using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Configuration;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Assessment.Evidence;

/// <param name="Status">live, noGateway or noRegister.</param>
/// <param name="Message">Why there is no live evidence, in the caller's language; null when live.</param>
/// <param name="Roles">Tag roles read from networked equipment (gateway configuration names).</param>
/// <param name="Answers">What the live data answers in each model that has an evidence map (its latest version).</param>
public sealed record EvidenceResponse(
    Guid EnterpriseId, string Status, string? Message, EquipmentResponse? Equipment, IReadOnlyList<string> Roles, DateTime? RolesMeasuredAt,
    IReadOnlyList<GatewayEvidence> Gateways, IReadOnlyList<LiveAnswerResponse> Answers);

/// <param name="DigitalRate">Digital / total × 100, rounded to two decimals.</param>
/// <param name="NetworkingRate">Networked / total × 100, rounded to two decimals.</param>
public sealed record EquipmentResponse(int Total, int Digital, int Networked, decimal DigitalRate, decimal NetworkingRate, DateTime MeasuredAt);

public sealed record LiveAnswerResponse(string ModelId, string ModelVersion, string QuestionId, IReadOnlyDictionary<string, decimal>? Values, IReadOnlyList<string>? Options, string Text, DateTime MeasuredAt);

/// <summary>GET /api/v1/enterprises/{id}/evidence: what the enterprise's gateways say for its assessment.</summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/enterprises/{enterpriseId:guid}/evidence", async (HttpContext http, EvidenceService service, ModelRegistry models, UiText text,
            Enterprises.Audit.AdminReadLog reads, Guid enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.ForViewerAsync(viewer, enterpriseId, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            await reads.RecordAsync(viewer, enterpriseId, Enterprises.Audit.AdminReadKinds.Evidence, null, http.RequestAborted);
            var evidence = outcome.Value!;
            var answers = new List<LiveAnswerResponse>();
            foreach (var map in service.Maps)
            {
                if (models.Latest(map.ModelId) is not { } model) continue;
                foreach (var (questionId, live) in map.LiveAnswers(evidence))
                {
                    var words = model.FindQuestion(questionId) is { } q ? live.Value.Describe(q).ForCurrentCulture() : questionId;
                    answers.Add(new LiveAnswerResponse(model.Id, model.Version, questionId, live.Value.Values, live.Value.Options, words, live.MeasuredAt));
                }
            }
            var equipment = evidence.Equipment is { } e
                ? new EquipmentResponse(e.Total, e.Digital, e.Networked, Math.Round(e.DigitalRate, 2), Math.Round(e.NetworkingRate, 2), e.MeasuredAt)
                : null;
            return TypedResults.Ok(new EvidenceResponse(enterpriseId, Status(evidence.Status), EvidenceText.Missing(text, evidence.Status), equipment,
                evidence.Roles.Order().Select(TagRoles.Name).ToList(), evidence.RolesMeasuredAt, evidence.Gateways, answers));
        }).WithTags("assessment evidence").WithName("GetEnterpriseEvidence")
          .WithSummary("Live evidence for the assessment from the enterprise's gateways: equipment counts and rates, and where data is captured automatically")
          .Produces<EvidenceResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static string Status(EvidenceStatus status) => status switch
    {
        EvidenceStatus.NoGateway => "noGateway",
        EvidenceStatus.NoRegister => "noRegister",
        _ => "live",
    };
}
