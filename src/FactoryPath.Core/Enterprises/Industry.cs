namespace FactoryPath.Core.Enterprises;

/// <summary>A GB/T 4754-2017 section (门类, e.g. <c>C</c>) or division (大类, e.g. <c>34</c>).</summary>
/// <param name="ParentCode">A division's section; null for a section.</param>
public sealed record Industry(string Code, string NameZh, string NameEn, IndustryLevel Level, string? ParentCode)
{
    /// <summary>The manufacturing section 制造业 and its divisions 13–43.</summary>
    public bool IsManufacturing => (Level == IndustryLevel.Section ? Code : ParentCode) == IndustryCatalog.ManufacturingSectionCode;
}
