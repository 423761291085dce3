using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>Whether an enterprise's machine data can say anything about its assessment.</summary>
public enum EvidenceStatus
{
    /// <summary>The enterprise has no gateway that is not revoked.</summary>
    NoGateway,

    /// <summary>Its gateways have not reported an equipment register that lists any equipment.</summary>
    NoRegister,

    Live,
}

/// <summary>The latest reports of one gateway as stored by the platform (null where that report never arrived).</summary>
public sealed record GatewayReports(string GatewayId, string Name, EquipmentRegisterReport? Register, DateTime? RegisterAt, GatewayHealthReport? Health, DateTime? HealthAt);

/// <summary>Equipment counts summed over the enterprise's gateways; the rates are percentages of <see cref="Total"/>.</summary>
/// <param name="MeasuredAt">When the oldest of the registers summed here arrived, so the figure never looks fresher than it is.</param>
public sealed record EquipmentCounts(int Total, int Digital, int Networked, DateTime MeasuredAt)
{
    /// <summary>Digital equipment / all equipment × 100 (the SME evaluation's 设备数字化率).</summary>
    public decimal DigitalRate => Digital * 100m / Total;

    /// <summary>Networked equipment / all equipment × 100 (the SME evaluation's 设备联网率).</summary>
    public decimal NetworkingRate => Networked * 100m / Total;
}

/// <summary>What one gateway contributed.</summary>
public sealed record GatewayEvidence(string GatewayId, string Name, DateTime? RegisterAt, DateTime? HealthAt, int? Total, int? Digital, int? Networked);

/// <summary>
/// What the enterprise's own machine data says: equipment counts from the gateways' equipment registers, and the tag roles
/// read from networked equipment (from the latest health report's live tags), which tell where data is captured
/// automatically. Model-independent; an <see cref="EvidenceMap"/> turns it into answers of one model.
/// </summary>
/// <param name="Roles">Roles of tags that belong to networked equipment and currently deliver a value (quality good or uncertain).</param>
/// <param name="RolesMeasuredAt">When the oldest health report that contributed roles arrived; null without roles.</param>
public sealed record LiveEvidence(EvidenceStatus Status, EquipmentCounts? Equipment, IReadOnlySet<TagRole> Roles, DateTime? RolesMeasuredAt, IReadOnlyList<GatewayEvidence> Gateways)
{
    /// <summary>
    /// Sums the registers of <paramref name="gateways"/> (the caller passes only gateways that are not revoked) and
    /// collects the roles of tags whose asset path is a networked item of the same gateway's register.
    /// </summary>
    public static LiveEvidence Compute(IReadOnlyList<GatewayReports> gateways)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var contributions = gateways.Select(g => new GatewayEvidence(g.GatewayId, g.Name, g.RegisterAt, g.HealthAt, g.Register?.Total, g.Register?.Digital, g.Register?.Networked)).ToList();
        if (gateways.Count == 0) return new LiveEvidence(EvidenceStatus.NoGateway, null, new HashSet<TagRole>(), null, contributions);

        var withEquipment = gateways.Where(g => g.Register is { Total: > 0 } && g.RegisterAt is not null).ToList();
        if (withEquipment.Count == 0) return new LiveEvidence(EvidenceStatus.NoRegister, null, new HashSet<TagRole>(), null, contributions);

        var equipment = new EquipmentCounts(
            withEquipment.Sum(g => g.Register!.Total), withEquipment.Sum(g => g.Register!.Digital), withEquipment.Sum(g => g.Register!.Networked),
            withEquipment.Min(g => g.RegisterAt!.Value));

        var roles = new HashSet<TagRole>();
        DateTime? rolesAt = null;
        foreach (var g in withEquipment.Where(g => g.Health is not null && g.HealthAt is not null))
        {
            var networked = g.Register!.Items.Where(i => i.Networked).Select(i => i.AssetPath).ToHashSet(StringComparer.Ordinal);
            var seen = g.Health!.Tags.Where(t => t.Quality != TagQuality.Bad && networked.Contains(t.AssetPath)).Select(t => t.Role).ToList();
            if (seen.Count == 0) continue;
            roles.UnionWith(seen);
            rolesAt = rolesAt is { } at && at < g.HealthAt!.Value ? at : g.HealthAt!.Value;
        }

        return new LiveEvidence(EvidenceStatus.Live, equipment, roles, rolesAt, contributions);
    }
}
