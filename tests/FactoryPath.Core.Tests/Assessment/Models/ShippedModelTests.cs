using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Models;

public class ShippedModelTests
{
    [Theory]
    [InlineData("miit-sme-digital-level-2024.yaml", "miit-sme-digital-level", "2024.1")]
    [InlineData("gbt39116-cmmm-selfcheck.yaml", "cmmm-selfcheck", "2020.1")]
    public void LoadFile_ShippedModel_LoadsWithoutErrors(string file, string id, string version)
    {
        var result = ModelLoader.LoadFile(Path.Combine(TestFiles.ModelsDirectory, file));

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Model);
        Assert.Equal(id, result.Model.Id);
        Assert.Equal(version, result.Model.Version);
    }

    [Fact]
    public void LoadDirectory_ShippedModels_RegistryHoldsBothWithoutErrors()
    {
        var (registry, errors) = ModelRegistry.LoadDirectory(TestFiles.ModelsDirectory);

        Assert.Empty(errors);
        Assert.NotNull(registry.Find("miit-sme-digital-level", "2024.1"));
        Assert.NotNull(registry.Latest("cmmm-selfcheck"));
    }

    [Fact]
    public void MiitModel_HasTheStandardsShape()
    {
        var model = ShippedModels.Miit;

        Assert.Equal(100m, model.MaxScore);
        Assert.Equal(["foundation", "management", "outcomes"], model.Dimensions.Select(d => d.Id));
        Assert.Equal([50m, 30m, 20m], model.Dimensions.Select(d => d.Points));
        Assert.Equal(9, model.Nodes.Count(n => n.Depth == 2));
        Assert.Equal(15, model.Nodes.Count(n => n.Depth == 3));
        Assert.Equal(15, model.Nodes.OfType<Question>().Count());
        Assert.All(model.Nodes.Where(n => n.Depth == 4), n => Assert.IsAssignableFrom<Question>(n));
        Assert.Equal(16, model.Scenes.Count);
        Assert.Equal(4, model.SceneGroups.Count);
        Assert.All(model.Scenes, s => Assert.Equal(4, s.MaxLevel));
    }

    [Fact]
    public void MiitModel_MarksTheTenConstraintScenes()
    {
        var constraint = ShippedModels.Miit.Scenes.Where(s => s.Constraint).Select(s => s.Name.Zh).Order();

        Assert.Equal(
            new[] { "产品设计", "营销管理", "生产管控", "质量管理", "设备管理", "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理" }.Order(),
            constraint);
    }

    [Theory]
    [InlineData("network", "multi", 8)]
    [InlineData("equipment-digitization", "band", 6)]
    [InlineData("equipment-networking", "band", 6)]
    [InlineData("data-collection", "multi", 10)]
    [InlineData("information-systems", "single", 10)]
    [InlineData("network-security", "multi", 5)]
    [InlineData("data-security", "multi", 5)]
    [InlineData("planning", "single", 7.5)]
    [InlineData("management-rules", "multi", 7.5)]
    [InlineData("talent", "multi", 7.5)]
    [InlineData("funding", "band", 7.5)]
    [InlineData("energy", "trend", 7)]
    [InlineData("quality", "trend", 7)]
    [InlineData("revenue-per-employee", "trend", 3)]
    [InlineData("cost-per-revenue", "trend", 3)]
    public void MiitModel_QuestionHasKindAndPointsOfTheStandard(string id, string kind, double points)
    {
        var question = ShippedModels.Miit.FindQuestion(id);

        Assert.NotNull(question);
        Assert.Equal(kind, question.Kind);
        Assert.Equal((decimal)points, question.Points);
    }

    [Fact]
    public void MiitModel_LevelRuleIsTheAdoptedTable()
    {
        var rule = Assert.IsType<ThresholdLevelRule>(ShippedModels.Miit.Levels);

        Assert.Equal(
            [
                new LevelThreshold(1, 20, 6, 1, 3),
                new LevelThreshold(2, 40, 6, 2, 3),
                new LevelThreshold(3, 60, 8, 3, 5),
                new LevelThreshold(4, 80, 10, 4, 6),
            ],
            rule.Thresholds);
        Assert.Equal(["一级", "二级", "三级", "四级"], rule.Levels.Select(l => l.Name.Zh));
    }

    [Fact]
    public void MiitModel_EnergyAndCostImproveByDecreasing()
    {
        Assert.Equal(TrendDirection.Decrease, Assert.IsType<TrendQuestion>(ShippedModels.Miit.FindQuestion("energy")).Better);
        Assert.Equal(TrendDirection.Decrease, Assert.IsType<TrendQuestion>(ShippedModels.Miit.FindQuestion("cost-per-revenue")).Better);
        Assert.Equal(TrendDirection.Increase, Assert.IsType<TrendQuestion>(ShippedModels.Miit.FindQuestion("quality")).Better);
    }

    [Fact]
    public void CmmmModel_HasTwentySubDomainsWithOneRequirementPerLevel()
    {
        var model = ShippedModels.Cmmm;
        var subDomains = model.Nodes.OfType<ModelGroup>().Where(g => g.Children.OfType<RatingQuestion>().Any()).ToList();

        Assert.Equal(["人员", "技术", "资源", "制造"], model.Dimensions.Select(d => d.Name.Zh));
        Assert.Equal(20, subDomains.Count);
        Assert.All(subDomains, g => Assert.Equal([1, 2, 3, 4, 5], g.Children.OfType<RatingQuestion>().Select(r => r.Level).Order()));
        Assert.Equal(100, model.Questions.Count);
        Assert.Equal(["规划级", "规范级", "集成级", "优化级", "引领级"], model.Levels.Levels.Select(l => l.Name.Zh[3..^1]));
        Assert.Equal(0.8m, Assert.IsType<StagedLevelRule>(model.Levels).Threshold);
        Assert.Equal([1m, 0.8m, 0.5m, 0m], model.RatingScale.Select(g => g.Fraction));
    }

    [Fact]
    public void EveryText_HasChineseAndEnglish()
    {
        foreach (var model in new[] { ShippedModels.Miit, ShippedModels.Cmmm })
        {
            foreach (var node in model.Nodes.Concat(model.SceneGroups).Concat(model.Scenes))
            {
                Assert.False(string.IsNullOrWhiteSpace(node.Name.Zh), node.Id);
                Assert.False(string.IsNullOrWhiteSpace(node.Name.En), node.Id);
                Assert.DoesNotMatch("[\u4e00-\u9fff]", node.Name.En);
            }
        }
    }
}
