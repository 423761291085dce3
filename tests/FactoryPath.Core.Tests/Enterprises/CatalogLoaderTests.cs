using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Tests.Enterprises;

public class CatalogLoaderTests
{
    private const string IndustryHeader = "code,name_zh,name_en,level,parent\n";
    private const string RegionHeader = "code,name_zh,name_en,level,parent_code\n";

    [Fact]
    public void IndustryParse_WellFormed_ReadsEveryRow()
    {
        var industries = IndustryCatalogLoader.Parse(IndustryHeader + "C,制造业,Manufacturing,section,\n13,农副食品加工业,\"Processing of Food, etc\",division,C\n");

        Assert.Equal(2, industries.Count);
        Assert.Equal("Processing of Food, etc", industries[1].NameEn);
    }

    [Theory]
    [InlineData("13,农副食品加工业,Food,division,C\n")] // parent not listed before
    [InlineData("C,制造业,Manufacturing,section,\n13,农副食品加工业,Food,group,C\n")] // unknown level
    [InlineData("C,制造业,Manufacturing,section,\n131,农副食品加工业,Food,division,C\n")] // group code shape
    [InlineData("C,制造业,Manufacturing,section,\nC,制造业,Manufacturing,section,\n")] // duplicate
    [InlineData("C,制造业,,section,\n")] // missing English name
    public void IndustryParse_Malformed_IsRejected(string rows)
    {
        Assert.Throws<FormatException>(() => IndustryCatalogLoader.Parse(IndustryHeader + rows));
    }

    [Fact]
    public void RegionParse_EmptyEnglishName_FallsBackToChinese()
    {
        var regions = RegionCatalogLoader.Parse(RegionHeader + "440000,广东省,Guangdong,province,\n440300,深圳市,,prefecture,440000\n");

        Assert.Equal("深圳市", regions[1].NameEn);
    }

    [Theory]
    [InlineData("440300,深圳市,,prefecture,440000\n")] // province not listed before
    [InlineData("440000,广东省,Guangdong,province,\n440300,深圳市,,prefecture,450000\n")] // wrong province
    [InlineData("440000,广东省,Guangdong,prefecture,\n")] // level does not match the code
    [InlineData("440000,,Guangdong,province,\n")] // missing Chinese name
    [InlineData("440000,广东省,Guangdong,province,\n440000,广东省,Guangdong,province,\n")] // duplicate
    public void RegionParse_Malformed_IsRejected(string rows)
    {
        Assert.Throws<FormatException>(() => RegionCatalogLoader.Parse(RegionHeader + rows));
    }
}
