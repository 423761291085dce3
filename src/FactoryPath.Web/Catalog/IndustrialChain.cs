namespace FactoryPath.Web.Catalog;

/// <summary>An industrial chain (e.g. new-energy vehicles, textiles) whose leader and members transform together.</summary>
public sealed class IndustrialChain
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>GB/T 4754-2017 division codes the chain spans.</summary>
    public List<string> Industries { get; set; } = [];
    /// <summary>GB/T 2260 code of the region the chain is organised in.</summary>
    public string RegionCode { get; set; } = "";
    public List<ChainMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
