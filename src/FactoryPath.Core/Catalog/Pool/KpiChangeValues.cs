namespace FactoryPath.Core.Catalog.Pool;

/// <summary>A checked <see cref="KpiChangeInput"/>; <see cref="Indicator"/> is a key of <see cref="KpiIndicators"/>.</summary>
public sealed record KpiChangeValues(string Indicator, double? Before, double? After, string? Unit, double ChangePercent);
