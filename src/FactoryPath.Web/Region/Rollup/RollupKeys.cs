using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Regional;

/// <summary>
/// The keys the node and level rollups (<see cref="RegionNodeStat"/>, <see cref="RegionLevelChange"/>) are kept under:
/// every change of an enterprise in county <c>XXYYZZ</c> is written three times, under the county's own code and under
/// the prefixes of its prefecture (<c>XXYY</c>) and province (<c>XX</c>). A page then reads the rows of exactly one key
/// — a province's few thousand rows instead of the rows of every county in it. The prefixes have four and two
/// characters, so they never equal a six-digit code; and the key of a region is <see cref="RegionScope.PrefixOf"/>, the
/// prefix every code inside it starts with.
/// </summary>
public static class RollupKeys
{
    /// <summary>The keys an enterprise located at <paramref name="regionCode"/> contributes to: its code, its prefecture, its province.</summary>
    public static IReadOnlyList<string> Of(string regionCode) =>
        regionCode.Length == 6 ? [regionCode, regionCode[..4], regionCode[..2]] : [regionCode];

    /// <summary>The key whose rows describe every enterprise inside <paramref name="region"/>.</summary>
    public static string For(RegionRef region) => RegionScope.PrefixOf(region.Code);
}
