using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Models;

/// <summary>
/// Every model error names the file, line and column. The YAML under test starts with the four header lines of
/// <see cref="ModelText.Header"/>; with <see cref="ModelText.WithQuestion"/> the question's first line is line 10.
/// </summary>
public class ModelValidationTests
{
    private const string SingleQuestion =
        "- id: q\n" + // line 10
        "  kind: single\n" + // 11
        "  name: {zh: 题, en: Question}\n" + // 12
        "  points: 10\n" + // 13
        "  options:\n" + // 14
        "    - {key: a, label: {zh: 甲, en: A}, points: 0}\n" + // 15
        "    - {key: b, label: {zh: 乙, en: B}, points: 10}\n"; // 16

    private static ModelError SingleError(string yaml)
    {
        var result = ModelText.Load(yaml);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ModelText.File, error.File);
        return error;
    }

    [Fact]
    public void Load_ValidSmallModel_HasNoErrors()
    {
        var result = ModelText.Load(ModelText.WithQuestion(SingleQuestion));

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Load_UnknownQuestionKind_ReportsFileLineAndColumn()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("kind: single", "kind: slider")));

        Assert.Equal(11, error.Line);
        Assert.Equal(15, error.Column);
        Assert.Contains("unknown kind 'slider'", error.Message);
        Assert.StartsWith("models/test.yaml:11:15: ", error.ToString());
    }

    [Fact]
    public void Load_ChildrenNotAddingUpToTheParent_PointsAtTheParentsPoints()
    {
        var yaml = ModelText.WithQuestion(SingleQuestion.Replace("points: 10\n", "points: 8\n").Replace("points: 10}", "points: 8}"));

        var error = SingleError(yaml);

        Assert.Equal(8, error.Line); // "    points: 10" of the dimension
        Assert.Equal("group 'dim' is worth 10 points, but its children add up to 8", error.Message);
    }

    [Fact]
    public void Load_MultiOptionsShortOfTheQuestionsPoints_SaysHowMuchTheyAddUpTo()
    {
        var yaml = ModelText.WithQuestion(
            "- id: network\n" + // 10
            "  kind: multi\n" + // 11
            "  name: {zh: 网络, en: Network}\n" + // 12
            "  points: 10\n" + // 13
            "  options:\n" + // 14
            "    - {key: a, label: {zh: 甲, en: A}, points: 3}\n" + // 15
            "    - {key: b, label: {zh: 乙, en: B}, points: 4}\n"); // 16

        var error = SingleError(yaml);

        Assert.Equal(15, error.Line);
        Assert.Equal("question 'network' options add up to 7 points, but the question is worth 10", error.Message);
    }

    [Fact]
    public void Load_OptionWorthMoreThanTheQuestion_IsReportedAtTheOption()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("points: 0}", "points: 12}")));

        Assert.Equal(15, error.Line);
        Assert.Contains("worth 12 points, more than the question's 10", error.Message);
    }

    [Fact]
    public void Load_DuplicateIds_PointsAtTheSecondOne()
    {
        var yaml = ModelText.Header +
            "tree:\n" + // 5
            "  - id: dim\n" + // 6
            "    name: {zh: 维度, en: Dimension}\n" + // 7
            "    points: 10\n" + // 8
            "    children:\n" + // 9
            ModelText.Indent(SingleQuestion.Replace("points: 10", "points: 5"), 6) + // 10-16
            ModelText.Indent(SingleQuestion.Replace("points: 10", "points: 5"), 6) + // 17-23
            ModelText.ScoreOnlyLevels.Replace("minScore: 5", "minScore: 1");

        var error = SingleError(yaml);

        Assert.Equal(17, error.Line);
        Assert.Equal(13, error.Column);
        Assert.Equal("duplicate id 'q' (first used at line 10)", error.Message);
    }

    [Fact]
    public void Load_MissingEnglishTranslation_ReportsTheLine()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("name: {zh: 题, en: Question}", "name: {zh: 题}")));

        Assert.Equal(12, error.Line);
        Assert.Equal("question 'q' name is missing its English (en) translation", error.Message);
    }

    [Fact]
    public void Load_MissingChineseTranslation_ReportsTheLine()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("label: {zh: 乙, en: B}", "label: {zh: \"\", en: B}")));

        Assert.Equal(16, error.Line);
        Assert.Contains("Chinese (zh)", error.Message);
    }

    [Theory]
    [InlineData("[0-10%]", "cannot read '[0-10%]'")]
    [InlineData("[0%,10%", "cannot read")]
    [InlineData("[10%,0%]", "is empty")]
    public void Load_MalformedBandEdges_AreReportedAtTheRange(string range, string expected)
    {
        var error = SingleError(ModelText.WithQuestion(BandQuestion($"\"{range}\"", "\"(10%,100%]\"")));

        Assert.Equal(17, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("\"[0%,10%]\"", "\"[10%,100%]\"", "overlaps")]
    [InlineData("\"[0%,10%)\"", "\"(10%,100%]\"", "gap")]
    [InlineData("\"[0%,10%]\"", "\"(20%,100%]\"", "gap")]
    [InlineData("\"(0%,10%]\"", "\"(10%,100%]\"", "must start at 0% included")]
    [InlineData("\"[0%,10%]\"", "\"(10%,90%]\"", "must end at 100% included")]
    public void Load_BandsThatOverlapOrLeaveGaps_AreRejected(string first, string second, string expected)
    {
        var result = ModelText.Load(ModelText.WithQuestion(BandQuestion(first, second)));

        Assert.Null(result.Model);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line is 17 or 18);
    }

    [Fact]
    public void Load_BandRateReferringToAnUnknownQuestion_IsRejected()
    {
        var error = SingleError(ModelText.WithQuestion(BandQuestion("\"[0%,10%]\"", "\"(10%,100%]\"").Replace("denominator: total", "denominator: nowhere.total")));

        Assert.Equal(10, error.Line);
        Assert.Contains("'nowhere.total'", error.Message);
    }

    [Fact]
    public void Load_LevelRuleCountingScenesWithoutScenes_IsRejected()
    {
        var yaml = ModelText.WithQuestion(SingleQuestion).Replace("minScore: 5}", "minScore: 5, minScenes: 2}");

        var error = SingleError(yaml);

        Assert.Equal(21, error.Line);
        Assert.Contains("counts scenes, but the model has no scenes", error.Message);
    }

    [Fact]
    public void Load_LevelRuleOfUnknownKind_IsRejected()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion).Replace("kind: thresholds", "kind: ladder"));

        Assert.Equal(18, error.Line);
        Assert.Contains("unknown kind 'ladder'", error.Message);
    }

    [Fact]
    public void Load_RatingQuestionWithoutRatingScale_IsRejected()
    {
        var error = SingleError(StagedModel(withScale: false));

        Assert.Equal(10, error.Line);
        Assert.Contains("no 'ratingScale'", error.Message);
    }

    [Fact]
    public void Load_StagedLevelWithoutRequirements_IsRejected()
    {
        var error = SingleError(StagedModel(withScale: true));

        Assert.Equal(18, error.Line);
        Assert.Equal("level 2 has no rating question (requirement) in the tree", error.Message);
    }

    [Fact]
    public void Load_SeveralProblems_AreAllReportedInOneGo()
    {
        var yaml = ModelText.WithQuestion(SingleQuestion
            .Replace("kind: single", "kind: single\n  colour: red") // unknown key
            .Replace("label: {zh: 甲, en: A}", "label: {en: A}")); // missing zh

        // Without the version line everything moves up one line: colour is on line 11, option a on line 15.
        var errors = ModelText.Load(yaml.Replace("version: \"1.0\"\n", string.Empty)).Errors;

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Line == 1 && e.Message.Contains("'version'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 11 && e.Message.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 15 && e.Message.Contains("Chinese (zh)", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenYaml_ReportsWhereTheParserStopped()
    {
        var error = SingleError(ModelText.Header + "tree:\n  - id: \"unterminated\n");

        Assert.Equal(6, error.Line);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsTheLine()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("  points: 10\n", "  points: 10\n  points: 10\n")));

        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Load_IdThatIsNotASlug_IsRejected()
    {
        var error = SingleError(ModelText.WithQuestion(SingleQuestion.Replace("id: q", "id: 问题")));

        Assert.Equal(10, error.Line);
        Assert.Contains("ASCII slug", error.Message);
    }

    [Fact]
    public void Load_WeightInsteadOfPoints_IsAShareOfTheParent()
    {
        var model = ModelText.LoadValid(ModelText.WithQuestion(SingleQuestion.Replace("  points: 10\n", "  weight: 100\n")));

        Assert.Equal(10m, model.FindQuestion("q")!.Points);
    }

    [Fact]
    public void LoadFile_MissingFile_IsAnErrorNotAnException()
    {
        var result = ModelLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-model.yaml"));

        Assert.Null(result.Model);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Message);
    }

    private static string StagedModel(bool withScale) =>
        ModelText.Header +
        (withScale ? "ratingScale: [{key: full, label: {zh: 满足, en: Met}, fraction: 1}]\n" : "#\n") + // 5
        "tree:\n" + // 6
        "  - id: dim\n" + // 7
        "    name: {zh: 维度, en: Dimension}\n" + // 8
        "    points: 1\n" + // 9
        "    children: [{id: r1, kind: rating, level: 1, points: 1, name: {zh: 要求, en: Requirement}}]\n" + // 10
        "levels:\n" + // 11
        "  kind: staged\n" + // 12
        "  threshold: 0.8\n" + // 13
        "  notRated: {zh: 未评级, en: Not rated}\n" + // 14
        "  levels:\n" + // 15
        "    - {level: 1, name: {zh: 一级, en: One}}\n" + // 16
        "    - # the second level\n" + // 17
        "      {level: 2, name: {zh: 二级, en: Two}}\n"; // 18

    private static string BandQuestion(string first, string second) =>
        "- id: q\n" + // 10
        "  kind: band\n" + // 11
        "  name: {zh: 比例, en: Share}\n" + // 12
        "  points: 10\n" + // 13
        "  inputs: [{id: part, label: {zh: 部分, en: Part}}, {id: total, label: {zh: 总数, en: Total}}]\n" + // 14
        "  rate: {numerator: part, denominator: total}\n" + // 15
        "  bands:\n" + // 16
        $"    - {{key: A, range: {first}, points: 0}}\n" + // 17
        $"    - {{key: B, range: {second}, points: 10}}\n"; // 18

    [Fact]
    public void Load_RatingScaleWithoutAFullGrade_IsRejected()
    {
        // The model also lacks a level-2 requirement; that error is reported alongside.
        var errors = ModelText.Load(StagedModel(withScale: true).Replace("fraction: 1}", "fraction: 0.9}")).Errors;

        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("fraction 1", StringComparison.Ordinal));
    }
}
