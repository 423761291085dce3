namespace FactoryPath.Web.Catalog;

/// <summary>
/// One measured effect of a transformation, e.g. production efficiency +30 % or carbon emissions −12 %.
/// <see cref="Indicator"/> is a stable key (production_efficiency, energy_per_unit, carbon, defect_rate, …);
/// before and after values are optional, the relative change is what cases are compared by.
/// </summary>
public sealed class KpiChange
{
    public string Indicator { get; set; } = "";
    public double? Before { get; set; }
    public double? After { get; set; }
    public string? Unit { get; set; }
    /// <summary>Relative change in percent; positive means the indicator went up.</summary>
    public double ChangePercent { get; set; }
}
