namespace FactoryPath.Core.Enterprises;

/// <summary>GB/T 2260 levels: 省级 (province, <c>XX0000</c>), 地级 (prefecture, <c>XXYY00</c>), 县级 (county, <c>XXYYZZ</c>).</summary>
public enum RegionLevel
{
    Province,
    Prefecture,
    County,
}
