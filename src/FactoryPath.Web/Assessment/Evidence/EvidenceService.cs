using System.Text.Json;
using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>
/// Live evidence of an enterprise from the latest equipment register and health report of each of its gateways that is
/// not revoked. Only the enterprise itself and the platform operator may read it (machine data is the enterprise's
/// own, as for gateways); for anyone else it does not exist.
/// </summary>
public sealed class EvidenceService(PlatformDbContext db, EvidenceMaps maps, ILogger<EvidenceService> log)
{
    public EvidenceMap? MapFor(string modelId) => maps.For(modelId);

    public IReadOnlyList<EvidenceMap> Maps => maps.All;

    public async Task<Outcome<LiveEvidence>> ForViewerAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default)
    {
        var exists = await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct);
        if (!exists || !(viewer.IsPlatformAdmin || (viewer.IsEnterpriseUser && viewer.EnterpriseId == enterpriseId))) return Outcome<LiveEvidence>.NotFound();
        return Outcome<LiveEvidence>.Ok(await ForEnterpriseAsync(enterpriseId, ct));
    }

    /// <summary>The evidence of one enterprise, without access checks (callers have made them).</summary>
    public async Task<LiveEvidence> ForEnterpriseAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        var gateways = await db.Gateways.AsNoTracking().Where(g => g.EnterpriseId == enterpriseId && g.RevokedAt == null)
            .OrderBy(g => g.Name).ThenBy(g => g.Id).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var ids = gateways.Select(g => g.Id).ToList();
        var snapshots = await db.GatewaySnapshots.AsNoTracking().Where(s => ids.Contains(s.GatewayId)).ToListAsync(ct);
        var reports = gateways.Select(g =>
        {
            var register = snapshots.FirstOrDefault(s => s.GatewayId == g.Id && s.Kind == UplinkKinds.Register);
            var health = snapshots.FirstOrDefault(s => s.GatewayId == g.Id && s.Kind == UplinkKinds.Health);
            var registerReport = Read<EquipmentRegisterReport>(register) is { Items: not null } r ? r : null;
            var healthReport = Read<GatewayHealthReport>(health) is { Tags: not null } h ? h : null;
            return new GatewayReports(g.Id, g.Name, registerReport, registerReport is null ? null : Utc(register!.ReceivedAt), healthReport, healthReport is null ? null : Utc(health!.ReceivedAt));
        }).ToList();
        return LiveEvidence.Compute(reports);
    }

    /// <summary>The live answers for <paramref name="model"/>'s bound questions; empty when the model has no map or the data says nothing.</summary>
    public async Task<IReadOnlyDictionary<string, LiveAnswer>> LiveAnswersAsync(Guid enterpriseId, AssessmentModel model, CancellationToken ct = default)
    {
        if (maps.For(model.Id) is not { } map) return new Dictionary<string, LiveAnswer>();
        return map.LiveAnswers(await ForEnterpriseAsync(enterpriseId, ct));
    }

    private T? Read<T>(Gateways.GatewaySnapshot? snapshot) where T : class
    {
        if (snapshot is null) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(snapshot.Json, UplinkJson.Options);
        }
        catch (JsonException e)
        {
            // stored payloads were checked on arrival; one that no longer reads is left out, not a failure of the page
            log.LogWarning(e, "The stored {Kind} of gateway {Gateway} cannot be read; it gives no live evidence", snapshot.Kind, snapshot.GatewayId);
            return null;
        }
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
