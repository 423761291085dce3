namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>
/// The gateway's equipment register, the basis of the equipment digitalisation and networking rates of the SME
/// evaluation: every piece of production equipment the configuration names, whether it is digital (has a controller
/// or digital interface) and whether it is networked (the gateway reads it).
/// </summary>
public sealed record EquipmentRegisterReport(IReadOnlyList<RegisteredEquipment> Items)
{
    public int Total => Items.Count;

    public int Digital => Items.Count(i => i.Digital);

    public int Networked => Items.Count(i => i.Networked);
}

public sealed record RegisteredEquipment(string AssetPath, string Name, string? Kind, bool Digital, bool Networked);
