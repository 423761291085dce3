using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class RegionScopeTests
{
    [Theory]
    // province scope covers every code starting with its two digits
    [InlineData("110000", "110000", true)]
    [InlineData("110000", "110100", true)]
    [InlineData("110000", "110105", true)]
    [InlineData("440000", "440305", true)]
    [InlineData("420000", "429004", true)]
    [InlineData("110000", "120000", false)]
    [InlineData("110000", "120101", false)]
    [InlineData("440000", "450100", false)]
    // prefecture scope covers codes starting with its four digits, not its province
    [InlineData("110100", "110100", true)]
    [InlineData("110100", "110105", true)]
    [InlineData("110100", "110000", false)]
    [InlineData("440300", "440305", true)]
    [InlineData("440300", "440105", false)]
    [InlineData("440300", "440000", false)]
    [InlineData("500200", "500235", true)]
    [InlineData("500100", "500235", false)]
    // county scope covers only itself
    [InlineData("440305", "440305", true)]
    [InlineData("440305", "440306", false)]
    [InlineData("440305", "440300", false)]
    [InlineData("429004", "429004", true)]
    public void Contains_ScopeAndRegion_FollowsTheCodePrefix(string scope, string region, bool expected)
    {
        Assert.Equal(expected, RegionScope.Contains(scope, region));
    }

    [Theory]
    [InlineData(null, "110105")]
    [InlineData("", "110105")]
    [InlineData("11", "110105")]
    [InlineData("000000", "000001")]
    [InlineData("990000", "990101")]
    [InlineData("110000", null)]
    [InlineData("110000", "")]
    [InlineData("110000", "11")]
    [InlineData("110000", "1101xx")]
    [InlineData("110000", "110001")]
    public void Contains_InvalidScopeOrRegion_IsFalse(string? scope, string? region)
    {
        Assert.False(RegionScope.Contains(scope, region));
    }

    [Theory]
    [InlineData("440000", "44")]
    [InlineData("440300", "4403")]
    [InlineData("440305", "440305")]
    [InlineData(" 110000 ", "11")]
    public void PrefixOf_Scope_GivesTheDigitsEveryContainedCodeStartsWith(string scope, string prefix)
    {
        Assert.Equal(prefix, RegionScope.PrefixOf(scope));
    }

    [Theory]
    [InlineData("440000", "440000", "449999")]
    [InlineData("440300", "440300", "440399")]
    [InlineData("440305", "440305", "440305")]
    public void RangeOf_Scope_HoldsExactlyTheCodesTheScopeContains(string scope, string low, string high)
    {
        Assert.Equal((low, high), RegionScope.RangeOf(scope));
        foreach (var code in new[] { "440000", "440300", "440305", "440399", "440400", "449999", "450000", "439999" })
        {
            var inRange = string.CompareOrdinal(code, low) >= 0 && string.CompareOrdinal(code, high) <= 0;
            Assert.Equal(code.StartsWith(RegionScope.PrefixOf(scope), StringComparison.Ordinal), inRange);
        }
    }

    [Theory]
    // an empty list is nationwide
    [InlineData("", "330212", true)]
    // the region itself, its prefecture or its province
    [InlineData("330212", "330212", true)]
    [InlineData("330200", "330212", true)]
    [InlineData("330000", "330212", true)]
    [InlineData("440000,330200", "330212", true)]
    // a part of the region does not serve the whole of it, nor a neighbour
    [InlineData("330200", "330000", false)]
    [InlineData("330212", "330200", false)]
    [InlineData("330100", "330212", false)]
    [InlineData("440000", "330212", false)]
    // an unknown region lies in no served scope
    [InlineData("330000", "33", false)]
    public void Serves_RegionsServed_CoversTheRegionOrIsNationwide(string served, string region, bool expected)
    {
        Assert.Equal(expected, RegionScope.Serves(served.Length == 0 ? [] : served.Split(','), region));
    }
}
