namespace FactoryPath.Web.Catalog;

/// <summary>
/// A digital-transformation service provider in the resource pool. Service-provider accounts are bound to one
/// provider through <see cref="Accounts.PlatformUser.ProviderId"/>. The rating is derived from completed projects.
/// </summary>
public sealed class Provider
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>Unified social credit code (GB 32100-2015), upper case; unique.</summary>
    public string CreditCode { get; set; } = "";
    /// <summary>GB/T 2260 code of the head office.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>GB/T 2260 codes (province, prefecture or county) of the regions served; empty means nationwide.</summary>
    public List<string> RegionsServed { get; set; } = [];
    /// <summary>GB/T 4754-2017 division codes the provider works in; empty means any manufacturing division.</summary>
    public List<string> Industries { get; set; } = [];
    /// <summary>Ids of typical scenarios the provider covers.</summary>
    public List<string> Scenarios { get; set; } = [];
    public List<string> Certifications { get; set; } = [];
    public int TeamSize { get; set; }
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string? Website { get; set; }
    /// <summary>Mean rating (1–5) over rated completed projects; null until the first one.</summary>
    public double? Rating { get; set; }
    public int RatedProjects { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
