using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class IndustryCatalogTests
{
    public static TheoryData<string> ManufacturingDivisionCodes()
    {
        var data = new TheoryData<string>();
        for (var division = 13; division <= 43; division++)
        {
            data.Add(division.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManufacturingDivisionCodes))]
    public void Find_ManufacturingDivision_IsPresentWithBothNamesUnderSectionC(string code)
    {
        var division = IndustryCatalog.Find(code);

        Assert.NotNull(division);
        Assert.Equal(IndustryLevel.Division, division.Level);
        Assert.Equal("C", division.ParentCode);
        Assert.False(string.IsNullOrWhiteSpace(division.NameZh));
        Assert.False(string.IsNullOrWhiteSpace(division.NameEn));
        Assert.True(division.IsManufacturing);
    }

    [Fact]
    public void ManufacturingDivisions_AreExactly13To43InOrder()
    {
        var expected = Enumerable.Range(13, 31).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, IndustryCatalog.ManufacturingDivisions.Select(d => d.Code));
    }

    [Fact]
    public void Sections_AreTheTwentyLettersAToT()
    {
        Assert.Equal("ABCDEFGHIJKLMNOPQRST".Select(c => c.ToString()), IndustryCatalog.Sections.Select(s => s.Code));
        Assert.All(IndustryCatalog.Sections, s => Assert.Null(s.ParentCode));
    }

    [Fact]
    public void Divisions_AreTheNinetySevenTwoDigitCodes()
    {
        var expected = Enumerable.Range(1, 97).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, IndustryCatalog.Divisions.Select(d => d.Code));
        Assert.Equal(IndustryCatalog.Sections.Count + IndustryCatalog.Divisions.Count, IndustryCatalog.All.Count);
    }

    [Theory]
    [InlineData("C", IndustryLevel.Section, "制造业", "Manufacturing")]
    [InlineData("34", IndustryLevel.Division, "通用设备制造业", "Manufacture of General Purpose Machinery")]
    [InlineData("15", IndustryLevel.Division, "酒、饮料和精制茶制造业", "Manufacture of Liquor, Beverages and Refined Tea")]
    [InlineData("93", IndustryLevel.Division, "人民政协、民主党派", "People's Political Consultative Conference and Democratic Parties")]
    public void Find_KnownCode_HasTheStandardsNames(string code, IndustryLevel level, string zh, string en)
    {
        var industry = IndustryCatalog.Find(code);

        Assert.NotNull(industry);
        Assert.Equal(level, industry.Level);
        Assert.Equal(zh, industry.NameZh);
        Assert.Equal(en, industry.NameEn);
    }

    [Theory]
    [InlineData("c", "C")]
    [InlineData(" 34 ", "34")]
    public void Find_LowerCaseOrSpaces_FindsTheCode(string input, string code)
    {
        Assert.Equal(code, IndustryCatalog.Find(input)?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("98")]
    [InlineData("U")]
    [InlineData("3")]
    [InlineData("341")]
    [InlineData("C34")]
    public void Find_UnknownCode_IsNull(string? code)
    {
        Assert.Null(IndustryCatalog.Find(code));
    }

    [Theory]
    [InlineData("34", "C")]
    [InlineData("01", "A")]
    [InlineData("97", "T")]
    public void Parent_Division_IsItsSection(string code, string section)
    {
        Assert.Equal(section, IndustryCatalog.Parent(code)?.Code);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("99")]
    [InlineData(null)]
    public void Parent_SectionOrUnknown_IsNull(string? code)
    {
        Assert.Null(IndustryCatalog.Parent(code));
    }

    [Fact]
    public void DivisionsOf_Section_ListsItsDivisions()
    {
        Assert.Equal(new[] { "44", "45", "46" }, IndustryCatalog.DivisionsOf("D").Select(d => d.Code));
        Assert.Empty(IndustryCatalog.DivisionsOf("34"));
    }

    [Theory]
    [InlineData("13", true)]
    [InlineData("43", true)]
    [InlineData("12", false)]
    [InlineData("44", false)]
    [InlineData("C", true)]
    [InlineData("B", false)]
    public void IsManufacturing_FollowsSectionC(string code, bool expected)
    {
        Assert.Equal(expected, IndustryCatalog.Find(code)!.IsManufacturing);
    }
}
