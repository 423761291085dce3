using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Enterprises;

/// <summary>An enterprise's profile as stored by the platform.</summary>
public sealed class Enterprise
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>Unified social credit code (GB 32100-2015), normalised to upper case.</summary>
    public string CreditCode { get; set; } = "";
    /// <summary>GB/T 4754-2017 division code, e.g. "34".</summary>
    public string IndustryCode { get; set; } = "";
    /// <summary>GB/T 2260 code of the enterprise's location (prefecture or county).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>GB/T 2260 code of the province the region belongs to; kept for fast regional and peer queries.</summary>
    public string ProvinceCode { get; set; } = "";
    public int Employees { get; set; }
    public decimal AnnualRevenueCny { get; set; }
    public SizeClass SizeClass { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
