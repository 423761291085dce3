using FactoryPath.Edge.Model;
using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Alerts;

public sealed record AlertRuleResponse(
    Guid Id, Guid EnterpriseId, string Name, bool BuiltIn, AlertTargetKind Target, TagRole? Role, AlertKpi? Kpi, int? WindowMinutes, AlertScope Scope,
    string AssetPath, AlertOperator Operator, double Threshold, int DurationSeconds, AlertSeverity Severity, bool Enabled, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AlertRuleResponse From(AlertRule r, AlertService s) => new(r.Id, r.EnterpriseId, s.NameOf(r.Name, r.NameKey), r.NameKey is not null && r.Name is null,
        r.Target, r.Role, r.Kpi, r.WindowMinutes, r.Scope, r.AssetPath, r.Operator, r.Threshold, r.DurationSeconds, r.Severity, r.Enabled,
        Utc(r.CreatedAt), Utc(r.UpdatedAt));

    internal static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}

public sealed record AlertResponse(
    long Id, Guid EnterpriseId, Guid? RuleId, string RuleName, AlertSeverity Severity, string Subject, string? GatewayId, bool Active, DateTime Since,
    DateTime RaisedAt, double? RaisedValue, double? LastValue, DateTime? ClearedAt, AlertEnd? End, DateTime? AcknowledgedAt, string? AcknowledgedBy, string? Comment)
{
    public static AlertResponse From(Alert a, AlertService s) => new(a.Id, a.EnterpriseId, a.RuleId, s.NameOf(a.RuleName, a.RuleNameKey), a.Severity, a.Subject,
        a.GatewayId, a.IsActive, AlertRuleResponse.Utc(a.Since), AlertRuleResponse.Utc(a.RaisedAt), a.RaisedValue, a.LastValue,
        a.ClearedAt is { } c ? AlertRuleResponse.Utc(c) : null, a.End, a.AcknowledgedAt is { } k ? AlertRuleResponse.Utc(k) : null, a.AcknowledgedBy, a.AckComment);
}

public sealed record AcknowledgeRequest(string? Comment);

/// <summary>/api/v1/alerts (list, read, acknowledge) and /api/v1/alert-rules (create, read, replace, delete) of the caller's enterprise.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("alerts");

        alerts.MapGet("/", async (HttpContext http, AlertService service, string? state, Guid? enterpriseId, string? subject, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            AlertListState which;
            if (state is null) which = AlertListState.All;
            else if (!Enum.TryParse(state, ignoreCase: true, out which) || !Enum.IsDefined(which) || int.TryParse(state, out _))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [Localization.UiText.Pick("state 只能是 all、active 或 history。", "state must be all, active or history.")] });
            var list = await service.ListAlertsAsync(viewer, which, enterpriseId, subject, paging, http.RequestAborted);
            return TypedResults.Ok(new PagedList<AlertResponse>(list.Items.Select(a => AlertResponse.From(a, service)).ToList(), list.Page, list.PageSize, list.Total));
        }).WithName("ListAlerts").WithSummary("Alerts the caller may see, active first, then cleared ones newest first; state=active|history|all, subject=asset path prefix")
            .Produces<PagedList<AlertResponse>>().ProducesValidationProblem();

        alerts.MapGet("/{id:long}", async (HttpContext http, AlertService service, long id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetAlertAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AlertResponse.From(outcome.Value!, service)) : outcome.ToProblem();
        }).WithName("GetAlert").Produces<AlertResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPost("/{id:long}/acknowledge", async (HttpContext http, AlertService service, long id, AcknowledgeRequest? request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.AcknowledgeAsync(viewer, id, request?.Comment, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AlertResponse.From(outcome.Value!, service)) : outcome.ToProblem();
        }).WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert, with an optional comment (at most 500 characters); 409 when acknowledged before")
            .Produces<AlertResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var rules = api.MapGroup("/alert-rules").WithTags("alerts");

        rules.MapGet("/", async (HttpContext http, AlertService service, Guid? enterpriseId, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.ListRulesAsync(viewer, enterpriseId, paging, http.RequestAborted);
            return TypedResults.Ok(new PagedList<AlertRuleResponse>(list.Items.Select(r => AlertRuleResponse.From(r, service)).ToList(), list.Page, list.PageSize, list.Total));
        }).WithName("ListAlertRules").Produces<PagedList<AlertRuleResponse>>();

        rules.MapPost("/", async (HttpContext http, AlertService service, AlertRuleInput input, Guid? enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.CreateRuleAsync(viewer, input, enterpriseId, http.RequestAborted);
            return outcome.IsOk
                ? TypedResults.Created($"/api/v1/alert-rules/{outcome.Value!.Id}", AlertRuleResponse.From(outcome.Value!, service))
                : outcome.ToProblem();
        }).WithName("CreateAlertRule").WithSummary("Add a rule; the operator passes ?enterpriseId=")
            .Produces<AlertRuleResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        rules.MapGet("/{id:guid}", async (HttpContext http, AlertService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetRuleAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AlertRuleResponse.From(outcome.Value!, service)) : outcome.ToProblem();
        }).WithName("GetAlertRule").Produces<AlertRuleResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        rules.MapPut("/{id:guid}", async (HttpContext http, AlertService service, Guid id, AlertRuleInput input) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.UpdateRuleAsync(viewer, id, input, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(AlertRuleResponse.From(outcome.Value!, service)) : outcome.ToProblem();
        }).WithName("ReplaceAlertRule").WithSummary("Replace a rule; its open alerts end and it is evaluated afresh")
            .Produces<AlertRuleResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        rules.MapDelete("/{id:guid}", async (HttpContext http, AlertService service, Guid id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.DeleteRuleAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem();
        }).WithName("DeleteAlertRule").WithSummary("Delete a rule; its alerts stay in the history")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
