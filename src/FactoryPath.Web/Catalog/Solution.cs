using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Catalog;

/// <summary>A solution a provider offers: what it does, where it fits, what it costs and how long it takes.</summary>
public sealed class Solution
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>Ids of the typical scenarios it implements.</summary>
    public List<string> Scenarios { get; set; } = [];
    /// <summary>GB/T 4754-2017 division codes it is made for; empty means any.</summary>
    public List<string> Industries { get; set; } = [];
    /// <summary>Size classes it fits; empty means any.</summary>
    public List<SizeClass> SizeClasses { get; set; } = [];
    public DeploymentMode Deployment { get; set; }
    /// <summary>Price range in whole yuan (CNY); min ≤ max.</summary>
    public long PriceMinCny { get; set; }
    public long PriceMaxCny { get; set; }
    /// <summary>Typical implementation time in weeks.</summary>
    public int ImplementationWeeks { get; set; }
    /// <summary>Standardised and reusable (标准化、可复制): sold as a product rather than a one-off project.</summary>
    public bool Standardised { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
