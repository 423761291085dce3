using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class RegionCatalogTests
{
    [Fact]
    public void All_HoldsTheSourcesRowCounts()
    {
        // regions-gbt2260.source.md: 372 rows, 34 province-level and 338 prefecture-level.
        Assert.Equal(372, RegionCatalog.All.Count);
        Assert.Equal(34, RegionCatalog.Provinces.Count);
        Assert.Equal(338, RegionCatalog.All.Count(r => r.Level == RegionLevel.Prefecture));
    }

    [Theory]
    [InlineData("110000", "北京市", "Beijing")]
    [InlineData("150000", "内蒙古自治区", "Inner Mongolia")]
    [InlineData("440000", "广东省", "Guangdong")]
    [InlineData("610000", "陕西省", "Shaanxi")]
    [InlineData("140000", "山西省", "Shanxi")]
    [InlineData("810000", "香港特别行政区", "Hong Kong")]
    [InlineData("820000", "澳门特别行政区", "Macao")]
    public void Find_Province_HasChineseAndEnglishNames(string code, string zh, string en)
    {
        var province = RegionCatalog.Find(code);

        Assert.NotNull(province);
        Assert.Equal(RegionLevel.Province, province.Level);
        Assert.Equal(zh, province.NameZh);
        Assert.Equal(en, province.NameEn);
        Assert.Null(province.ParentCode);
    }

    [Fact]
    public void Provinces_AllHaveDistinctAsciiEnglishNames()
    {
        Assert.All(RegionCatalog.Provinces, p => Assert.Matches("^[A-Z][A-Za-z ]+$", p.NameEn));
        Assert.Equal(34, RegionCatalog.Provinces.Select(p => p.NameEn).Distinct().Count());
    }

    [Theory]
    [InlineData("440300", "深圳市", "440000")]
    [InlineData("110100", "市辖区", "110000")]
    [InlineData("500200", "县", "500000")]
    public void Find_Prefecture_FallsBackToChineseForEnglish(string code, string zh, string province)
    {
        var prefecture = RegionCatalog.Find(code);

        Assert.NotNull(prefecture);
        Assert.Equal(RegionLevel.Prefecture, prefecture.Level);
        Assert.Equal(zh, prefecture.NameZh);
        Assert.Equal(zh, prefecture.NameEn);
        Assert.Equal(province, prefecture.ParentCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("110105")]
    [InlineData("429000")]
    [InlineData("990000")]
    [InlineData("abc")]
    public void Find_CountyPlaceholderOrUnknown_IsNull(string? code)
    {
        Assert.Null(RegionCatalog.Find(code));
    }

    [Theory]
    [InlineData("110000", new[] { "110100" })]
    [InlineData("120000", new[] { "120100" })]
    [InlineData("310000", new[] { "310100" })]
    [InlineData("500000", new[] { "500100", "500200" })]
    [InlineData("110100", new string[0])]
    [InlineData("110105", new string[0])]
    [InlineData("990000", new string[0])]
    public void ChildrenOf_Code_ListsPrefecturesOfAProvinceOnly(string code, string[] children)
    {
        Assert.Equal(children, RegionCatalog.ChildrenOf(code).Select(r => r.Code));
    }

    [Fact]
    public void ChildrenOf_Guangdong_HasItsTwentyOnePrefectures()
    {
        var children = RegionCatalog.ChildrenOf("440000");

        Assert.Equal(21, children.Count);
        Assert.Contains(children, c => c.NameZh == "广州市" && c.Code == "440100");
        Assert.All(children, c => Assert.Equal("440000", c.ParentCode));
    }

    [Theory]
    [InlineData("110000", "110000")]
    [InlineData("110100", "110000")]
    [InlineData("110105", "110000")]
    [InlineData("440305", "440000")]
    [InlineData("429004", "420000")]
    [InlineData("659001", "650000")]
    public void ProvinceOf_ValidCode_IsItsProvince(string code, string province)
    {
        Assert.Equal(province, RegionCatalog.ProvinceOf(code)?.Code);
    }

    [Theory]
    [InlineData("110100", "110100")]
    [InlineData("110105", "110100")]
    [InlineData("500235", "500200")]
    [InlineData("440305", "440300")]
    public void PrefectureOf_PrefectureOrCounty_IsItsPrefecture(string code, string prefecture)
    {
        Assert.Equal(prefecture, RegionCatalog.PrefectureOf(code)?.Code);
    }

    [Theory]
    [InlineData("110000")]
    [InlineData("429004")]
    [InlineData("990101")]
    [InlineData(null)]
    public void PrefectureOf_ProvinceDirectCountyOrInvalid_IsNull(string? code)
    {
        Assert.Null(RegionCatalog.PrefectureOf(code));
    }

    [Theory]
    [InlineData("110000")] // municipality
    [InlineData("110100")] // municipality 市辖区
    [InlineData("110105")] // county under a shipped prefecture
    [InlineData("440305")]
    [InlineData("429004")] // 省直辖县: prefecture 429000 not shipped, province known
    [InlineData("659001")]
    [InlineData("810000")]
    [InlineData(" 440300 ")]
    public void IsValidCode_KnownOrStructurallySoundCode_IsTrue(string code)
    {
        Assert.True(RegionCatalog.IsValidCode(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11000")]
    [InlineData("1100000")]
    [InlineData("11010a")]
    [InlineData("１１００００")]
    [InlineData("990000")] // unknown province
    [InlineData("110200")] // unknown prefecture
    [InlineData("429000")] // placeholder, not shipped
    [InlineData("110001")] // county digits without a prefecture pair
    [InlineData("990101")] // county of an unknown province
    public void IsValidCode_MalformedOrUnknown_IsFalse(string? code)
    {
        Assert.False(RegionCatalog.IsValidCode(code));
    }
}
