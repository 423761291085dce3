using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Assets;

/// <summary>
/// The equipment register of a gateway, from its configuration: every piece of production equipment it names;
/// networked when at least one tag of it is read from a device; digital when the configuration says so (default
/// true: equipment with a controller or digital interface; set <c>digital: false</c> for purely manual machines).
/// These counts feed the SME evaluation's equipment networking and digitalisation rates.
/// </summary>
public static class EquipmentRegister
{
    public static EquipmentRegisterReport From(GatewayConfig config)
    {
        var read = config.Tags.Select(t => t.Equipment).ToHashSet(StringComparer.Ordinal);
        return new EquipmentRegisterReport(config.Equipment
            .Select(e => new RegisteredEquipment(e.Path.ToString(), e.Name, e.Kind, e.Digital || read.Contains(e.Id), read.Contains(e.Id)))
            .ToList());
    }
}
