using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Model;
using FactoryPath.Web.Assessment.Evidence;
using static FactoryPath.Web.Tests.Evidence.Registers;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>The shipped evidence map of the SME evaluation, and how a map file is checked against the models.</summary>
public sealed class EvidenceMapTests
{
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;

    private static EvidenceMap Shipped()
    {
        var (maps, errors) = EvidenceMaps.LoadDirectory(Path.Combine(PlatformFactory.ModelsDirectory, "evidence"), Models);
        Assert.Empty(errors);
        return maps.For("miit-sme-digital-level") ?? throw new InvalidOperationException("no map for miit-sme-digital-level");
    }

    [Fact]
    public void The_shipped_map_fills_both_equipment_questions_from_the_register()
    {
        var register = Register("ningbo", ("press-1", true, true), ("press-2", true, false), ("saw", false, false));
        var live = Shipped().LiveAnswers(LiveEvidence.Compute([Gateway("gw", register, Morning)]));

        Assert.Equal(new Dictionary<string, decimal> { ["total"] = 3, ["digital"] = 2 }, live["equipment-digitization"].Answer.Values);
        Assert.Equal(new Dictionary<string, decimal> { ["networked"] = 1 }, live["equipment-networking"].Answer.Values);
        Assert.Equal(Morning, live["equipment-networking"].MeasuredAt);
        Assert.False(live.ContainsKey("data-collection")); // no health report, so no tags: the map says nothing
    }

    [Theory]
    [InlineData(TagRole.State, "G")]
    [InlineData(TagRole.CycleTime, "G")]
    [InlineData(TagRole.ScrapCount, "G,H")]
    [InlineData(TagRole.Alarm, "I")]
    [InlineData(TagRole.Temperature, "I")]
    [InlineData(TagRole.EnergyKwh, "K")]
    [InlineData(TagRole.PowerKw, "K")]
    [InlineData(TagRole.Other, "")]
    public void The_shipped_map_ticks_the_business_areas_a_tag_role_shows(TagRole role, string areas)
    {
        var register = Register("ningbo", ("press-1", true, true));
        var health = Health((AssetPathOf("ningbo", "press-1"), role, TagQuality.Good));
        var live = Shipped().LiveAnswers(LiveEvidence.Compute([Gateway("gw", register, Morning, health, Morning.AddMinutes(1))]));

        if (areas.Length == 0)
        {
            Assert.False(live.ContainsKey("data-collection"));
            return;
        }
        Assert.Equal(areas.Split(','), live["data-collection"].Answer.Options);
        Assert.Equal(Morning.AddMinutes(1), live["data-collection"].MeasuredAt);
    }

    [Theory]
    [InlineData("model: no-such-model\nquestions: {}\n", "1:8", "no installed model")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  equipment-networking:\n    inputs: {networked: equipment.sold}\n", "4:25", "unknown figure 'equipment.sold'")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  equipment-networking:\n    inputs: {connected: equipment.networked}\n", "4:14", "has no input 'connected'")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  data-collection:\n    options: {Z: [state]}\n", "4:15", "has no option 'Z'")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  data-collection:\n    options: {A: [state]}\n", "4:15", "exclusive")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  data-collection:\n    options: {G: [vibration]}\n", "4:19", "unknown tag role 'vibration'")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  data-collection:\n    inputs: {total: equipment.total}\n", "4:5", "multi question")]
    [InlineData("model: miit-sme-digital-level\nquestions:\n  nothing-here:\n    inputs: {total: equipment.total}\n", "3:3", "'nothing-here' is missing")]
    public void A_broken_map_names_the_place_and_the_problem(string yaml, string place, string message)
    {
        var (map, errors) = EvidenceMaps.Parse(yaml, "map.yaml", Models);
        Assert.Null(map);
        var error = Assert.Single(errors);
        Assert.StartsWith($"map.yaml:{place}: ", error);
        Assert.Contains(message, error);
    }
}
