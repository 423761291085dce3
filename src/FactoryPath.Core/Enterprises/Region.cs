namespace FactoryPath.Core.Enterprises;

/// <summary>A GB/T 2260 administrative division shipped with the platform (province or prefecture level).</summary>
/// <param name="NameEn">English name for province-level rows; prefectures fall back to the Chinese name.</param>
/// <param name="ParentCode">A prefecture's province; null for a province.</param>
public sealed record Region(string Code, string NameZh, string NameEn, RegionLevel Level, string? ParentCode);
