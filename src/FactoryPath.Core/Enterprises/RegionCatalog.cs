using System.Diagnostics.CodeAnalysis;
using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Enterprises;

/// <summary>
/// Province- and prefecture-level divisions of GB/T 2260 (year-end 2024), read once from the embedded
/// <c>regions-gbt2260.csv</c>. County-level codes are not shipped; they are accepted by structure (see <see cref="IsValidCode"/>).
/// </summary>
public static class RegionCatalog
{
    private static readonly Lazy<Index> Data = new(() => new Index(RegionCatalogLoader.Parse(EmbeddedData.ReadText(EmbeddedData.Regions))));

    /// <summary>All shipped rows in code order: each province followed by its prefectures.</summary>
    public static IReadOnlyList<Region> All => Data.Value.All;

    public static IReadOnlyList<Region> Provinces => Data.Value.Provinces;

    /// <summary>The shipped province or prefecture with this code; null otherwise (including every county code).</summary>
    public static Region? Find(string? code) =>
        code is null ? null : Data.Value.ByCode.GetValueOrDefault(code.Trim());

    /// <summary>The prefectures of a province; empty for a prefecture, county or unknown code.</summary>
    public static IReadOnlyList<Region> ChildrenOf(string? code) =>
        code is not null && Data.Value.Children.TryGetValue(code.Trim(), out var children) ? children : [];

    /// <summary>The province of a valid code (a province is its own province); null for an invalid code.</summary>
    public static Region? ProvinceOf(string? code) =>
        IsValidCode(code) ? Find(RegionCode.ProvinceCodeOf(code.Trim())) : null;

    /// <summary>
    /// The prefecture of a valid prefecture or county code (a prefecture is its own prefecture); null for a province,
    /// an invalid code, or a county directly under its province (省直辖县, e.g. 429004 仙桃市).
    /// </summary>
    public static Region? PrefectureOf(string? code)
    {
        if (!IsValidCode(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return RegionCode.LevelOf(trimmed) == RegionLevel.Province ? null : Find(RegionCode.PrefectureCodeOf(trimmed));
    }

    /// <summary>
    /// True for a shipped province or prefecture code, or a county code (<c>XXYYZZ</c> with <c>YY</c> and <c>ZZ</c> not <c>00</c>)
    /// whose prefecture <c>XXYY00</c> or province <c>XX0000</c> is shipped. Surrounding spaces are ignored.
    /// </summary>
    public static bool IsValidCode([NotNullWhen(true)] string? code)
    {
        if (code is null)
        {
            return false;
        }

        var trimmed = code.Trim();
        return RegionCode.LevelOf(trimmed) switch
        {
            RegionLevel.Province or RegionLevel.Prefecture => Data.Value.ByCode.ContainsKey(trimmed),
            RegionLevel.County => trimmed.AsSpan(2, 2) is not "00"
                && (Data.Value.ByCode.ContainsKey(RegionCode.PrefectureCodeOf(trimmed))
                    || Data.Value.ByCode.ContainsKey(RegionCode.ProvinceCodeOf(trimmed))),
            _ => false,
        };
    }

    private sealed class Index
    {
        public Index(IReadOnlyList<Region> all)
        {
            All = all;
            Provinces = all.Where(r => r.Level == RegionLevel.Province).ToList();
            ByCode = all.ToDictionary(r => r.Code, StringComparer.Ordinal);
            Children = Provinces.ToDictionary(
                p => p.Code,
                p => (IReadOnlyList<Region>)all.Where(r => r.ParentCode == p.Code).ToList(),
                StringComparer.Ordinal);
        }

        public IReadOnlyList<Region> All { get; }
        public IReadOnlyList<Region> Provinces { get; }
        public IReadOnlyDictionary<string, Region> ByCode { get; }
        public IReadOnlyDictionary<string, IReadOnlyList<Region>> Children { get; }
    }
}
