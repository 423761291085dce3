using System.Text;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Levels;

/// <summary>
/// The staged rule on a model with two domains (a, b; b may be not applicable), three levels and two requirements
/// per domain and level, so that a domain's score at a level is the mean of two ratings. Threshold 0.8.
/// </summary>
public class StagedLevelRuleTests
{
    private static readonly Lazy<AssessmentModel> Model = new(() => ModelText.LoadValid(Yaml()));

    [Fact]
    public void Level_EverythingFullyMet_IsTheTopLevel()
    {
        Assert.Equal(3, Scorer.Score(Model.Value, AllFull()).Level.Number);
    }

    [Theory]
    [InlineData("mostly", "mostly", 3)] // mean 0.8: exactly on the threshold
    [InlineData("full", "mostly", 3)] // 0.9
    [InlineData("full", "partly", 1)] // 0.75: just below, level 2 missed
    [InlineData("partly", "partly", 1)] // 0.5
    public void Level_DomainMeanAtLevelTwo_DecidesLevelTwo(string first, string second, int expected)
    {
        var sheet = AllFull().Option("a-2-1", first).Option("a-2-2", second);

        var result = Scorer.Score(Model.Value, sheet);

        Assert.Equal(expected, result.Level.Number);
        var stage = Assert.Single(result.Stages, s => s.Level == 2 && s.DomainId == "a");
        Assert.Equal(expected >= 2, stage.Met);
    }

    [Fact]
    public void Level_LowerLevelMissed_BlocksHigherLevelsThatAreMet()
    {
        var sheet = AllFull().Option("b-1-1", "not");

        Assert.Equal(0, Scorer.Score(Model.Value, sheet).Level.Number);
    }

    [Fact]
    public void Level_NotApplicableDomain_IsLeftOut()
    {
        var sheet = AllFull().NotApplicable("b");
        foreach (var id in Model.Value.Questions.Where(q => q.Parent!.Id == "b").Select(q => q.Id))
        {
            sheet = sheet.Without(id);
        }

        sheet = sheet.Option("a-3-1", "mostly");

        var result = Scorer.Score(Model.Value, sheet);

        Assert.Equal(3, result.Level.Number);
        Assert.DoesNotContain(result.Stages, s => s.DomainId == "b");
    }

    [Fact]
    public void Gap_ListsRequirementsBelowTheThreshold_ClosestDomainFirst()
    {
        // Level 2: domain a mean (1 + 0.5) / 2 = 0.75, domain b mean (0.5 + 0) / 2 = 0.25; both miss 0.8.
        var sheet = AllFull()
            .Option("a-2-2", "partly")
            .Option("b-2-1", "partly")
            .Option("b-2-2", "not");

        var gap = Scorer.Score(Model.Value, sheet).NextLevelGap;

        Assert.NotNull(gap);
        Assert.Equal(2, gap.Target.Number);
        Assert.Equal(["a-2-2", "b-2-1", "b-2-2"], gap.Steps.Select(s => s.NodeId));
        Assert.All(gap.Steps, s => Assert.Equal(GapStepKind.Requirement, s.Kind));
        Assert.Equal([1, 1, 2], gap.Steps.Select(s => s.Effort)); // partly -> mostly, partly -> mostly, not -> mostly
        Assert.Equal(3, gap.RequirementsMissing);
        Assert.Contains("\"Mostly met\"", gap.Steps[0].Text.En);
    }

    private static AnswerSheetData AllFull() =>
        Model.Value.Questions.Aggregate(Sheet.Empty, (s, q) => s.Option(q.Id, "full"));

    private static string Yaml()
    {
        var yaml = new StringBuilder(ModelText.Header);
        yaml.Append(
            "ratingScale:\n" +
            "  - {key: full, label: {zh: 全部满足, en: Fully met}, fraction: 1}\n" +
            "  - {key: mostly, label: {zh: 大部分满足, en: Mostly met}, fraction: 0.8}\n" +
            "  - {key: partly, label: {zh: 部分满足, en: Partly met}, fraction: 0.5}\n" +
            "  - {key: not, label: {zh: 不满足, en: Not met}, fraction: 0}\n" +
            "tree:\n  - id: element\n    name: {zh: 要素, en: Element}\n    points: 12\n    children:\n");
        foreach (var domain in new[] { "a", "b" })
        {
            yaml.Append($"      - id: {domain}\n        name: {{zh: 域{domain}, en: Domain {domain}}}\n        points: 6\n");
            yaml.Append(domain == "b" ? "        notApplicable: allowed\n" : string.Empty);
            yaml.Append("        children:\n");
            for (var level = 1; level <= 3; level++)
            {
                for (var n = 1; n <= 2; n++)
                {
                    yaml.Append($"          - {{id: {domain}-{level}-{n}, kind: rating, level: {level}, points: 1, name: {{zh: 要求{level}-{n}, en: Requirement {level}-{n}}}}}\n");
                }
            }
        }

        yaml.Append(
            "levels:\n  kind: staged\n  threshold: 0.8\n  notRated: {zh: 未评级, en: Not rated}\n  levels:\n" +
            "    - {level: 1, name: {zh: 一级, en: One}}\n" +
            "    - {level: 2, name: {zh: 二级, en: Two}}\n" +
            "    - {level: 3, name: {zh: 三级, en: Three}}\n");
        return yaml.ToString();
    }
}
