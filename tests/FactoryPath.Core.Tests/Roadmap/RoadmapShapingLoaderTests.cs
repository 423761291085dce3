using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Roadmap;

namespace FactoryPath.Core.Tests.Roadmap;

public class RoadmapShapingLoaderTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private const string Valid =
        "sizeClasses:\n" +
        "  - size: small\n" +
        "    why: {zh: 小, en: small}\n" +
        "    weights: {equipment-monitoring: 1.5}\n" +
        "industryGroups:\n" +
        "  - id: process\n" +
        "    name: {zh: 流程型, en: Process}\n" +
        "    why: {zh: 流程, en: process}\n" +
        "    divisions: [\"26\", \"27\"]\n" +
        "    weights: {smart-energy-control: 2}\n";

    [Fact]
    public void LoadText_Valid_ReadsWeightsAndGroups()
    {
        var shaping = RoadmapShapingLoader.LoadText(Valid, "s.yaml", Library).Shaping!;

        Assert.Equal(1.5m, shaping.ForSize(SizeClass.Small)!.WeightOf("equipment-monitoring"));
        Assert.Equal(1m, shaping.ForSize(SizeClass.Small)!.WeightOf("digital-twin-factory"));
        Assert.Null(shaping.ForSize(SizeClass.Large));
        Assert.Equal("process", shaping.ForIndustry("27")!.Id);
        Assert.Null(shaping.ForIndustry("34"));
    }

    [Theory]
    [InlineData("size: small", "size: tiny", 2, "unknown size class 'tiny'")]
    [InlineData("{equipment-monitoring: 1.5}", "{equipment-monitorin: 1.5}", 4, "'equipment-monitorin' is not a guide scenario")]
    [InlineData("{equipment-monitoring: 1.5}", "{sme-procurement: 1.5}", 4, "'sme-procurement' is not a guide scenario")]
    [InlineData("{equipment-monitoring: 1.5}", "{equipment-monitoring: 0}", 4, "must be a number above 0 and at most 3")]
    [InlineData("{smart-energy-control: 2}", "{smart-energy-control: 3.5}", 10, "must be a number above 0 and at most 3")]
    [InlineData("[\"26\", \"27\"]", "[\"26\", \"01\"]", 9, "'01' is not a GB/T 4754-2017 manufacturing division code")]
    [InlineData("[\"26\", \"27\"]", "[\"26\", \"26\"]", 9, "division 26 is already in group 'process'")]
    public void LoadText_Problems_AreReportedOnTheirLine(string from, string to, int line, string message)
    {
        var loaded = RoadmapShapingLoader.LoadText(Valid.Replace(from, to, StringComparison.Ordinal), "s.yaml", Library);

        Assert.Null(loaded.Shaping);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"s.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_LoadsAndCoversEverySizeClass()
    {
        var loaded = RoadmapShapingLoader.LoadEmbedded(Library);

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        Assert.All(Enum.GetValues<SizeClass>(), size => Assert.NotNull(loaded.Shaping!.ForSize(size)));
        Assert.Equal("process", loaded.Shaping!.ForIndustry("26")!.Id);
        Assert.Equal("discrete", loaded.Shaping.ForIndustry("36")!.Id);
    }
}
