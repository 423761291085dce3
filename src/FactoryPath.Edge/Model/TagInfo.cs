namespace FactoryPath.Edge.Model;

/// <summary>What the gateway knows about a tag besides its samples: where it sits, what it means, its unit.</summary>
public sealed record TagInfo(string TagId, AssetPath Path, TagRole Role, string? Unit = null)
{
    /// <summary>Counters and energy only grow (until a reset or rollover); their rollups carry the increase.</summary>
    public bool IsCumulative => Role is TagRole.GoodCount or TagRole.ScrapCount or TagRole.EnergyKwh;
}
