using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Enterprises;

/// <summary>
/// The sections and divisions of GB/T 4754-2017《国民经济行业分类》, read once from the embedded
/// <c>industries-gbt4754-2017.csv</c>. Lists keep the standard's order.
/// </summary>
public static class IndustryCatalog
{
    public const string ManufacturingSectionCode = "C";

    private static readonly Lazy<Index> Data = new(() => new Index(IndustryCatalogLoader.Parse(EmbeddedData.ReadText(EmbeddedData.Industries))));

    public static IReadOnlyList<Industry> All => Data.Value.All;

    public static IReadOnlyList<Industry> Sections => Data.Value.Sections;

    public static IReadOnlyList<Industry> Divisions => Data.Value.Divisions;

    /// <summary>Divisions 13–43 of section C 制造业.</summary>
    public static IReadOnlyList<Industry> ManufacturingDivisions => Data.Value.ManufacturingDivisions;

    /// <summary>The section or division with this code (surrounding spaces and letter case ignored); null if unknown.</summary>
    public static Industry? Find(string? code) =>
        code is null ? null : Data.Value.ByCode.GetValueOrDefault(code.Trim().ToUpperInvariant());

    /// <summary>A division's section; null for a section or an unknown code.</summary>
    public static Industry? Parent(string? code) => Find(code)?.ParentCode is { } parent ? Find(parent) : null;

    /// <summary>The divisions of a section, in code order; empty for a division or an unknown code.</summary>
    public static IReadOnlyList<Industry> DivisionsOf(string? sectionCode) =>
        Find(sectionCode) is { Level: IndustryLevel.Section } section
            ? Data.Value.Divisions.Where(d => d.ParentCode == section.Code).ToList()
            : [];

    /// <summary>True for a known division code (the level an enterprise profile records).</summary>
    public static bool IsDivision(string? code) => Find(code) is { Level: IndustryLevel.Division };

    private sealed class Index
    {
        public Index(IReadOnlyList<Industry> all)
        {
            All = all;
            Sections = all.Where(i => i.Level == IndustryLevel.Section).ToList();
            Divisions = all.Where(i => i.Level == IndustryLevel.Division).ToList();
            ManufacturingDivisions = Divisions.Where(d => d.ParentCode == ManufacturingSectionCode).ToList();
            ByCode = all.ToDictionary(i => i.Code, StringComparer.Ordinal);
        }

        public IReadOnlyList<Industry> All { get; }
        public IReadOnlyList<Industry> Sections { get; }
        public IReadOnlyList<Industry> Divisions { get; }
        public IReadOnlyList<Industry> ManufacturingDivisions { get; }
        public IReadOnlyDictionary<string, Industry> ByCode { get; }
    }
}
