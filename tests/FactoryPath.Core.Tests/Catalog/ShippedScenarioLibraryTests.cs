using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Catalog;

/// <summary>The shipped library (src/FactoryPath.Core/Catalog/Data/typical-scenarios.yaml) against the shipped models.</summary>
public class ShippedScenarioLibraryTests
{
    private const string Miit = "miit-sme-digital-level";

    private static readonly Lazy<ScenarioLibrary> Shipped = new(ScenarioLibrary.LoadEmbedded);

    private static ScenarioLibrary Library => Shipped.Value;

    private static IEnumerable<TypicalScenario> Guide => Library.Scenarios.Where(s => s.Source == ScenarioSources.Guide2025);

    private static IEnumerable<TypicalScenario> Scenes => Library.Scenarios.Where(s => s.Source == ScenarioSources.Sme2024);

    [Fact]
    public void ShippedFile_LoadsWithoutErrors_AgainstShippedModels()
    {
        var registry = ModelRegistry.LoadDirectory(TestFiles.ModelsDirectory);
        Assert.Empty(registry.Errors);
        using var stream = typeof(ScenarioLibrary).Assembly.GetManifestResourceStream(ScenarioLibrary.EmbeddedResource)!;
        using var reader = new StreamReader(stream);

        var result = ScenarioLibraryLoader.LoadText(reader.ReadToEnd(), "typical-scenarios.yaml", registry.Registry);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.NotNull(result.Library);
    }

    [Fact]
    public void LoadEmbedded_ReadsTheFileOnce()
    {
        Assert.Same(ScenarioLibrary.LoadEmbedded(), ScenarioLibrary.LoadEmbedded());
    }

    [Fact]
    public void ShippedFile_HasTheGuidesEightLinksAndFortyScenarios()
    {
        Assert.Equal(8, Library.Links.Count);
        Assert.Equal(Enumerable.Range(1, 8), Library.Links.Select(l => l.Order));
        Assert.Equal("工厂建设", Library.Links[0].Name.Zh);
        Assert.Equal(40, Guide.Count());
        Assert.All(Guide, s => Assert.NotNull(s.LinkId));
        Assert.Equal([3, 2, 2, 12, 10, 4, 3, 4], Library.Links.Select(l => Library.ScenariosOfLink(l.Id).Count));
    }

    [Fact]
    public void ShippedFile_HasTheSixteenBusinessScenes_TenOfThemConstraint()
    {
        Assert.Equal(16, Scenes.Count());
        Assert.Equal(10, Scenes.Count(s => s.Constraint));
        Assert.DoesNotContain(Guide, s => s.Constraint);
    }

    [Fact]
    public void BusinessScenes_MatchTheModelsScenesAndConstraintFlags()
    {
        var scenes = ShippedModels.Miit.Scenes;
        Assert.Equal(scenes.Select(s => "sme-" + s.Id), Scenes.Select(s => s.Id));
        foreach (var scene in scenes)
        {
            var scenario = Library.Find("sme-" + scene.Id)!;
            Assert.Contains(new AssessmentTarget(Miit, scene.Id), scenario.Improves);
            Assert.Equal(scene.Constraint, scenario.Constraint);
            Assert.Equal(scene.Name.Zh, scenario.Name.Zh);
        }
    }

    [Fact]
    public void GuideScenarios_ImproveEverySceneAndEveryQuestionOfTheSmeModel()
    {
        var improved = Guide.SelectMany(s => s.Improves).Where(t => t.ModelId == Miit).Select(t => t.NodeId).ToHashSet();

        var missed = ShippedModels.Miit.Questions.Select(q => q.Id).Where(id => !improved.Contains(id)).ToList();

        Assert.Empty(missed);
        Assert.Equal(15 + 16, ShippedModels.Miit.Questions.Count);
    }

    [Fact]
    public void Improving_EquipmentManagementScene_FindsTheEquipmentScenarios()
    {
        var ids = Library.Improving(Miit, "equipment-management").Select(s => s.Id);

        Assert.Equal(["equipment-monitoring", "equipment-fault-prediction", "equipment-maintenance", "sme-equipment-management"], ids);
    }

    [Theory]
    [InlineData("equipment-monitoring", "digital-infrastructure")]
    [InlineData("equipment-fault-prediction", "equipment-monitoring")]
    [InlineData("production-dynamic-dispatching", "production-progress-tracking")]
    public void Prerequisites_ComeFirst(string scenario, string first)
    {
        var order = Library.PrerequisitesInOrder(scenario).Select(s => s.Id).ToList();

        Assert.Contains(first, order);
    }

    [Fact]
    public void PrerequisitesInOrder_FaultPrediction_StartsFromPlanning()
    {
        var order = Library.PrerequisitesInOrder("equipment-fault-prediction").Select(s => s.Id);

        Assert.Equal(["factory-digital-planning", "digital-infrastructure", "equipment-monitoring"], order);
    }
}
