using System.Text.Json;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Gateways;

/// <summary>A gateway just issued, with the secret that is shown this once.</summary>
public sealed record IssuedGateway(Gateway Gateway, string Secret, ConnectionInfo Connection);

/// <summary>What a gateway needs to connect: broker address, its user name (the gateway id) and password.</summary>
public sealed record ConnectionInfo(string Host, int Port, bool Tls, string UserName, string? Password, string TopicPrefix);

/// <summary>The latest health report and equipment register of a gateway, as received.</summary>
public sealed record GatewayState(GatewayHealthReport? Health, DateTime? HealthAt, EquipmentRegisterReport? Register, DateTime? RegisterAt);

public sealed record RollupQuery(DateTime? From, DateTime? To, string? Resolution, string? TagId);

/// <summary>Machine-data totals of an enterprise over a window, summed from 1-minute rollups.</summary>
public sealed record MachineTotals(double? EnergyKwh, double? GoodCount, double? ScrapCount);

/// <summary>
/// Gateways within what the viewer may see: an enterprise user its own enterprise's, the platform operator all.
/// Regional admins and service providers see none (machine data is the enterprise's own). "Not yours" reads as 404.
/// </summary>
public sealed class GatewayService(PlatformDbContext db, TimeProvider clock, IOptions<GatewayOptions> options, BrokerEndpoint endpoint, IGatewayConnections connections, UiText text)
{
    public int OnlineSeconds => options.Value.OnlineSeconds;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<Gateway> Readable(Viewer viewer)
    {
        var all = db.Gateways.AsNoTracking();
        if (viewer.IsPlatformAdmin) return all;
        if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } id) return all.Where(g => g.EnterpriseId == id);
        return all.Where(_ => false);
    }

    public async Task<PagedList<Gateway>> ListAsync(Viewer viewer, Guid? enterpriseId, Paging paging, CancellationToken ct = default)
    {
        var query = Readable(viewer);
        if (enterpriseId is { } e) query = query.Where(g => g.EnterpriseId == e);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(g => g.RevokedAt != null).ThenBy(g => g.Name).ThenBy(g => g.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<Gateway>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<Gateway>> GetAsync(Viewer viewer, string id, CancellationToken ct = default)
    {
        var gateway = await Readable(viewer).FirstOrDefaultAsync(g => g.Id == id, ct);
        return gateway is null ? Outcome<Gateway>.NotFound() : Outcome<Gateway>.Ok(gateway);
    }

    /// <summary>Issues a gateway for the viewer's enterprise (the operator names the enterprise).</summary>
    public async Task<Outcome<IssuedGateway>> IssueAsync(Viewer viewer, string? name, Guid? enterpriseId, CancellationToken ct = default)
    {
        Guid target;
        if (viewer.IsPlatformAdmin && enterpriseId is { } chosen) target = chosen;
        else if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } own && (enterpriseId is null || enterpriseId == own)) target = own;
        else if (viewer.IsEnterpriseUser && viewer.EnterpriseId is null) return Outcome<IssuedGateway>.Conflict(text["gateways.error.noEnterprise"]);
        else if (viewer.IsPlatformAdmin) return Outcome<IssuedGateway>.Invalid("enterpriseId", text["gateways.error.enterpriseRequired"]);
        else if (viewer.IsEnterpriseUser) return Outcome<IssuedGateway>.NotFound();
        else return Outcome<IssuedGateway>.Forbidden(text["gateways.error.notAllowed"]);

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100) return Outcome<IssuedGateway>.Invalid("name", text["gateways.error.name"]);
        if (!await db.Enterprises.AnyAsync(e => e.Id == target, ct)) return Outcome<IssuedGateway>.Invalid("enterpriseId", text["gateways.error.noSuchEnterprise"]);

        var secret = GatewaySecrets.NewSecret();
        var gateway = new Gateway { Id = GatewaySecrets.NewId(), EnterpriseId = target, Name = trimmed, IssuedAt = Now };
        gateway.SecretHash = GatewaySecrets.Hash(gateway, secret);
        db.Gateways.Add(gateway);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedGateway>.Ok(new IssuedGateway(gateway, secret, Connection(gateway.Id, secret)));
    }

    public async Task<Outcome<Gateway>> RevokeAsync(Viewer viewer, string id, CancellationToken ct = default)
    {
        if (await Readable(viewer).FirstOrDefaultAsync(g => g.Id == id, ct) is null) return Outcome<Gateway>.NotFound();
        var gateway = await db.Gateways.FirstAsync(g => g.Id == id, ct);
        if (gateway.RevokedAt is null)
        {
            gateway.RevokedAt = Now;
            await db.SaveChangesAsync(ct);
        }
        await connections.DisconnectAsync(gateway.Id, ct);
        return Outcome<Gateway>.Ok(gateway);
    }

    public ConnectionInfo Connection(string gatewayId, string? secret) =>
        new(endpoint.Host, endpoint.Port, endpoint.UseTls, gatewayId, secret, UplinkTopics.Prefix + gatewayId + "/");

    public async Task<Outcome<GatewayState>> StateAsync(Viewer viewer, string id, CancellationToken ct = default)
    {
        if (await Readable(viewer).FirstOrDefaultAsync(g => g.Id == id, ct) is null) return Outcome<GatewayState>.NotFound();
        var snapshots = await db.GatewaySnapshots.AsNoTracking().Where(s => s.GatewayId == id).ToListAsync(ct);
        var health = snapshots.FirstOrDefault(s => s.Kind == UplinkKinds.Health);
        var register = snapshots.FirstOrDefault(s => s.Kind == UplinkKinds.Register);
        return Outcome<GatewayState>.Ok(new GatewayState(
            health is null ? null : JsonSerializer.Deserialize<GatewayHealthReport>(health.Json, UplinkJson.Options), health?.ReceivedAt,
            register is null ? null : JsonSerializer.Deserialize<EquipmentRegisterReport>(register.Json, UplinkJson.Options), register?.ReceivedAt));
    }

    public async Task<Outcome<PagedList<GatewayRollup>>> RollupsAsync(Viewer viewer, string id, RollupQuery query, Paging paging, CancellationToken ct = default)
    {
        if (await Readable(viewer).FirstOrDefaultAsync(g => g.Id == id, ct) is null) return Outcome<PagedList<GatewayRollup>>.NotFound();
        if (query.Resolution is not (null or "1m" or "1h")) return Outcome<PagedList<GatewayRollup>>.Invalid("resolution", text["gateways.error.resolution"]);
        if (query.From is { } f && query.To is { } t && f > t) return Outcome<PagedList<GatewayRollup>>.Invalid("from", text["gateways.error.range"]);
        var rows = db.GatewayRollups.AsNoTracking().Where(r => r.GatewayId == id);
        if (query.From is { } from) { var u = from.ToUniversalTime(); rows = rows.Where(r => r.PeriodStart >= u); }
        if (query.To is { } to) { var u = to.ToUniversalTime(); rows = rows.Where(r => r.PeriodStart < u); }
        if (query.Resolution is { } res) rows = rows.Where(r => r.Resolution == res);
        if (!string.IsNullOrWhiteSpace(query.TagId)) rows = rows.Where(r => r.TagId == query.TagId);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.PeriodStart).ThenBy(r => r.TagId).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome<PagedList<GatewayRollup>>.Ok(new PagedList<GatewayRollup>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>An enterprise's energy and good/scrap counts over the last <paramref name="window"/>, from the increases of its 1-minute rollups.</summary>
    public async Task<MachineTotals> TotalsAsync(Guid enterpriseId, TimeSpan window, CancellationToken ct = default)
    {
        var since = Now - window;
        var sums = await (from r in db.GatewayRollups.AsNoTracking()
                          join g in db.Gateways on r.GatewayId equals g.Id
                          where g.EnterpriseId == enterpriseId && r.Resolution == "1m" && r.PeriodStart >= since && r.Increase != null
                          group r by r.Role into byRole
                          select new { Role = byRole.Key, Sum = byRole.Sum(x => x.Increase!.Value) }).ToListAsync(ct);
        double? Of(TagRole role) => sums.FirstOrDefault(s => s.Role == role.ToString())?.Sum;
        return new MachineTotals(Of(TagRole.EnergyKwh), Of(TagRole.GoodCount), Of(TagRole.ScrapCount));
    }
}
