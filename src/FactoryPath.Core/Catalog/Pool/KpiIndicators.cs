using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>
/// The indicators a case may report: the effects the smart-factory and demonstration-factory programmes ask applicants to
/// quantify (efficiency, energy, carbon, quality, lead time, inventory, cost, equipment use).
/// </summary>
public static class KpiIndicators
{
    public static IReadOnlyList<KpiIndicator> All { get; } =
    [
        new("production_efficiency", new LocalizedText("生产效率", "Production efficiency"), HigherIsBetter: true),
        new("energy_per_unit", new LocalizedText("单位产值能耗", "Energy per unit of output"), HigherIsBetter: false),
        new("carbon", new LocalizedText("碳排放", "Carbon emissions"), HigherIsBetter: false),
        new("defect_rate", new LocalizedText("产品不良率", "Defect rate"), HigherIsBetter: false),
        new("delivery_lead_time", new LocalizedText("订单交付周期", "Delivery lead time"), HigherIsBetter: false),
        new("inventory_turnover", new LocalizedText("库存周转率", "Inventory turnover"), HigherIsBetter: true),
        new("operating_cost", new LocalizedText("运营成本", "Operating cost"), HigherIsBetter: false),
        new("equipment_utilisation", new LocalizedText("设备综合利用率", "Equipment utilisation"), HigherIsBetter: true),
    ];

    private static readonly Dictionary<string, KpiIndicator> ByKey = All.ToDictionary(i => i.Key, StringComparer.Ordinal);

    /// <summary>The indicator with this key (surrounding spaces and letter case ignored); null if unknown.</summary>
    public static KpiIndicator? Find(string? key) =>
        key is null ? null : ByKey.GetValueOrDefault(key.Trim().ToLowerInvariant());
}
