namespace FactoryPath.Core.Catalog.Pool;

/// <summary>One measured effect as entered: an indicator key from <see cref="KpiIndicators"/> and its relative change in percent.</summary>
/// <param name="ChangePercent">Positive when the indicator went up; within ±1000.</param>
public sealed record KpiChangeInput(string? Indicator, double? Before, double? After, string? Unit, double? ChangePercent);
