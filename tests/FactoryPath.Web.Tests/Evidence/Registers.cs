using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Assessment.Evidence;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>Small hand-made gateway reports for the evidence tests.</summary>
internal static class Registers
{
    public static readonly DateTime Morning = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A register of <paramref name="items"/> given as (name, digital, networked), all on line-1 of site <paramref name="site"/>.</summary>
    public static EquipmentRegisterReport Register(string site, params (string Name, bool Digital, bool Networked)[] items) =>
        new(items.Select(i => new RegisteredEquipment(AssetPathOf(site, i.Name), i.Name, "machine", i.Digital, i.Networked)).ToList());

    public static string AssetPathOf(string site, string name) => $"acme/{site}/area/line-1/{name}";

    public static GatewayHealthReport Health(params (string AssetPath, TagRole Role, TagQuality Quality)[] tags) =>
        new(DateTimeOffset.UnixEpoch, "test", [], 0,
            tags.Select((t, i) => new LiveTag($"tag-{i}", t.AssetPath, t.Role, null, t.Quality == TagQuality.Bad ? null : 1, t.Quality, DateTimeOffset.UnixEpoch)).ToList());

    public static GatewayReports Gateway(string id, EquipmentRegisterReport? register, DateTime? registerAt, GatewayHealthReport? health = null, DateTime? healthAt = null) =>
        new(id, id, register, registerAt, health, healthAt);
}
