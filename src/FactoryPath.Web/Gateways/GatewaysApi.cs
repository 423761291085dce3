using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Gateways;

public sealed record IssueGatewayRequest(string? Name, Guid? EnterpriseId);

public sealed record GatewayResponse(
    string Id, Guid EnterpriseId, string Name, bool Online, bool Revoked, DateTime IssuedAt, DateTime? RevokedAt, DateTime? LastSeenAt,
    DateTime? LastHealthAt, DateTime? StartedAt, string? Version, long MessagesStored, long Duplicates, long Malformed, long Rejected,
    string? LastError, DateTime? LastErrorAt)
{
    public static GatewayResponse From(Gateway g, DateTime now, int onlineSeconds) => new(
        g.Id, g.EnterpriseId, g.Name, g.IsOnline(now, onlineSeconds), g.IsRevoked, g.IssuedAt, g.RevokedAt, g.LastSeenAt, g.LastHealthAt,
        g.StartedAt, g.Version, g.MessagesStored, g.Duplicates, g.Malformed, g.Rejected, g.LastError, g.LastErrorAt);
}

public sealed record IssuedGatewayResponse(GatewayResponse Gateway, ConnectionInfo Connection);

public sealed record LiveResponse(bool Online, DateTime? ReceivedAt, IReadOnlyList<SourceHealth> Sources, IReadOnlyList<LiveTag> Tags, RegisterCounts? Register);

public sealed record RegisterCounts(int Total, int Digital, int Networked);

public sealed record RollupResponse(
    string TagId, string AssetPath, string Role, string Resolution, DateTime PeriodStart, long Count, double? Min, double? Max, double? Mean,
    double? Last, long BadCount, double? Increase)
{
    public static RollupResponse From(GatewayRollup r) => new(r.TagId, r.AssetPath, r.Role, r.Resolution, DateTime.SpecifyKind(r.PeriodStart, DateTimeKind.Utc),
        r.Count, r.Min, r.Max, r.Mean, r.Last, r.BadCount, r.Increase);
}

/// <summary>/api/v1/gateways: list, issue, read, revoke, live tags and rollups of edge gateways.</summary>
public static class GatewaysApi
{
    public static RouteGroupBuilder MapGatewaysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/gateways").WithTags("gateways");

        group.MapGet("/", async (HttpContext http, GatewayService service, int? page, int? pageSize, Guid? enterpriseId) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var list = await service.ListAsync(viewer, enterpriseId, paging, http.RequestAborted);
            var now = service.Now;
            return TypedResults.Ok(new PagedList<GatewayResponse>(list.Items.Select(g => GatewayResponse.From(g, now, service.OnlineSeconds)).ToList(), list.Page, list.PageSize, list.Total));
        }).WithName("ListGateways").WithSummary("Gateways the caller may see, paged").Produces<PagedList<GatewayResponse>>();

        group.MapPost("/", async (HttpContext http, GatewayService service, IssueGatewayRequest request) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.IssueAsync(viewer, request.Name, request.EnterpriseId, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var issued = outcome.Value!;
            return TypedResults.Created($"/api/v1/gateways/{issued.Gateway.Id}",
                new IssuedGatewayResponse(GatewayResponse.From(issued.Gateway, service.Now, service.OnlineSeconds), issued.Connection));
        }).WithName("IssueGateway").WithSummary("Issue a gateway; the response holds its MQTT password, shown only this once")
            .Produces<IssuedGatewayResponse>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapGet("/{id}", async (HttpContext http, GatewayService service, string id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.GetAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(GatewayResponse.From(outcome.Value!, service.Now, service.OnlineSeconds)) : outcome.ToProblem();
        }).WithName("GetGateway").Produces<GatewayResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/revoke", async (HttpContext http, GatewayService service, string id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var outcome = await service.RevokeAsync(viewer, id, http.RequestAborted);
            return outcome.IsOk ? TypedResults.Ok(GatewayResponse.From(outcome.Value!, service.Now, service.OnlineSeconds)) : outcome.ToProblem();
        }).WithName("RevokeGateway").WithSummary("Revoke a gateway: its connection is closed and refused from now on")
            .Produces<GatewayResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/live", async (HttpContext http, GatewayService service, string id) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            var gateway = await service.GetAsync(viewer, id, http.RequestAborted);
            if (!gateway.IsOk) return gateway.ToProblem();
            var state = (await service.StateAsync(viewer, id, http.RequestAborted)).Value!;
            var register = state.Register is { } r ? new RegisterCounts(r.Total, r.Digital, r.Networked) : null;
            return TypedResults.Ok(new LiveResponse(gateway.Value!.IsOnline(service.Now, service.OnlineSeconds),
                state.HealthAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
                state.Health?.Sources ?? [], state.Health?.Tags ?? [], register));
        }).WithName("GetGatewayLive").WithSummary("The gateway's latest health: sources, live tags and equipment register counts")
            .Produces<LiveResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/rollups", async (HttpContext http, GatewayService service, string id, DateTime? from, DateTime? to, string? resolution, string? tagId, int? page, int? pageSize) =>
        {
            var viewer = await http.ViewerAsync();
            if (viewer is null) return Results.Unauthorized();
            if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
            var outcome = await service.RollupsAsync(viewer, id, new RollupQuery(from, to, resolution, tagId), paging, http.RequestAborted);
            if (!outcome.IsOk) return outcome.ToProblem();
            var list = outcome.Value!;
            return TypedResults.Ok(new PagedList<RollupResponse>(list.Items.Select(RollupResponse.From).ToList(), list.Page, list.PageSize, list.Total));
        }).WithName("ListGatewayRollups").WithSummary("Rollups of a gateway, newest first; from (inclusive) and to (exclusive) bound the period start")
            .Produces<PagedList<RollupResponse>>().ProducesValidationProblem();

        return api;
    }
}
