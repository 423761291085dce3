using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>An indicator a demonstration case reports a change of, e.g. production efficiency or carbon emissions.</summary>
/// <param name="Key">Stable key stored with the case (snake_case).</param>
/// <param name="HigherIsBetter">True when a rise is an improvement (efficiency); false when a fall is (energy per unit, defects).</param>
public sealed record KpiIndicator(string Key, LocalizedText Name, bool HigherIsBetter);
