using FactoryPath.Core.Enterprises;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>
/// How generated enterprises spread over the 31 mainland provinces and the 31 manufacturing divisions (13–43).
/// The weights are illustrative, not statistics: they only make coastal manufacturing provinces and the large
/// divisions (electronics, electrical machinery, general equipment …) crowded and the rest thin, as on a real
/// platform, so there are both dense and sparse peer groups.
/// </summary>
public static class PeerSpread
{
    private static readonly Dictionary<string, double> ProvinceWeights = new(StringComparer.Ordinal)
    {
        ["440000"] = 16, ["320000"] = 14, ["330000"] = 13, ["370000"] = 9, ["350000"] = 5, ["410000"] = 5,
        ["340000"] = 5, ["430000"] = 4.5, ["420000"] = 4, ["360000"] = 4, ["130000"] = 4, ["510000"] = 4,
        ["310000"] = 2.5, ["500000"] = 2, ["210000"] = 2, ["610000"] = 2, ["450000"] = 2, ["140000"] = 1.5,
        ["120000"] = 1.5, ["530000"] = 1.2, ["520000"] = 1.2, ["110000"] = 0.8, ["150000"] = 0.8, ["230000"] = 0.8,
        ["650000"] = 0.8, ["220000"] = 0.7, ["620000"] = 0.5, ["640000"] = 0.3, ["460000"] = 0.2, ["630000"] = 0.15,
        ["540000"] = 0.05,
    };

    private static readonly Dictionary<string, double> DivisionWeights = new(StringComparer.Ordinal)
    {
        ["39"] = 9, ["38"] = 8, ["34"] = 7, ["33"] = 6, ["29"] = 6, ["30"] = 6, ["35"] = 6, ["26"] = 5, ["36"] = 4,
        ["13"] = 4, ["17"] = 4, ["18"] = 3, ["14"] = 2.5, ["27"] = 2, ["31"] = 2, ["32"] = 2, ["19"] = 2, ["22"] = 2,
        ["20"] = 1.5, ["21"] = 1.5, ["23"] = 1.5, ["24"] = 1.5, ["40"] = 1.5, ["15"] = 1.2, ["37"] = 1, ["28"] = 0.8,
        ["41"] = 0.8, ["42"] = 0.6, ["25"] = 0.5, ["43"] = 0.4, ["16"] = 0.1,
    };

    /// <summary>Each province with its prefectures (a municipality's only prefecture is its 市辖区).</summary>
    public static WeightedPick<(Region Province, IReadOnlyList<Region> Prefectures)> Provinces() =>
        new(RegionCatalog.Provinces.Where(p => ProvinceWeights.ContainsKey(p.Code))
            .Select(p => ((p, RegionCatalog.ChildrenOf(p.Code)), ProvinceWeights[p.Code])));

    public static WeightedPick<Industry> Divisions() =>
        new(IndustryCatalog.ManufacturingDivisions.Select(d => (d, DivisionWeights[d.Code])));

    /// <summary>Fails fast if the catalogs and the weight tables ever drift apart.</summary>
    public static void CheckCoverage()
    {
        var provinces = RegionCatalog.Provinces.Count(p => ProvinceWeights.ContainsKey(p.Code));
        var divisions = IndustryCatalog.ManufacturingDivisions.Count(d => DivisionWeights.ContainsKey(d.Code));
        if (provinces != 31 || divisions != 31 || IndustryCatalog.ManufacturingDivisions.Count != 31)
        {
            throw new InvalidOperationException($"Expected 31 provinces and 31 manufacturing divisions with weights, found {provinces} and {divisions}.");
        }
    }
}
