using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Tests.Assessment.Support;
using static FactoryPath.Core.Tests.Catalog.ScenarioText;

namespace FactoryPath.Core.Tests.Catalog;

public class ScenarioLibraryLoaderTests
{
    [Fact]
    public void LoadText_WellFormed_ReadsLinksAndScenarios()
    {
        var library = LoadValid(Header + Scenario("a") + Scenario("b", "prerequisites: [a], constraint: true"));

        Assert.Equal("l1", Assert.Single(library.Links).Id);
        Assert.Equal(["a", "b"], library.Scenarios.Select(s => s.Id));
        var b = library.Find("b")!;
        Assert.Equal("test", b.Source);
        Assert.Equal(["a"], b.Prerequisites);
        Assert.True(b.Constraint);
        Assert.Equal(new AssessmentTarget("m", "q1"), Assert.Single(b.Improves));
    }

    [Theory]
    [InlineData("{id: a, link: l1, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1]}", "scenario id 'a' is used twice")]
    [InlineData("{id: b, link: l9, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1]}", "unknown link 'l9'")]
    [InlineData("{id: b, link: l1, name: {zh: 乙}, summary: {zh: 说明。, en: S.}, improves: [q1]}", "missing its English (en) translation")]
    [InlineData("{id: b, link: l1, name: {zh: 乙, en: B}, summary: {en: S.}, improves: [q1]}", "missing its Chinese (zh) translation")]
    [InlineData("{id: b, link: l1, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1], prerequisites: [zz]}", "unknown prerequisite 'zz'")]
    [InlineData("{id: b, link: l1, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1], prerequisites: [b]}", "prerequisites form a cycle: b -> b")]
    [InlineData("{id: b, link: l1, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}}", "missing 'improves'")]
    [InlineData("{id: b, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1]}", "is missing 'link'")]
    [InlineData("{id: b, link: l1, name: {zh: 乙, en: B}, summary: {zh: 说明。, en: S.}, improves: [q1], color: red}", "unknown key 'color'")]
    public void LoadText_BrokenScenario_ReportsErrorOnItsLine(string scenario, string message)
    {
        var result = Load(Header + Scenario("a") + "      - " + scenario + "\n");

        Assert.Null(result.Library);
        var error = Assert.Single(result.Errors);
        Assert.Equal(FileName, error.File);
        Assert.Equal(8, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_UnknownPrerequisite_PointsAtTheItem()
    {
        var line = Scenario("b", "prerequisites: [a, zz]");

        var error = Assert.Single(Load(Header + Scenario("a") + line).Errors);

        Assert.Equal(8, error.Line);
        Assert.Equal(line.IndexOf("zz", StringComparison.Ordinal) + 1, error.Column);
    }

    [Fact]
    public void LoadText_UnquotedCommaInFlowText_IsCaughtNotSilentlyCut()
    {
        // In a {zh: ..., en: ...} mapping a plain comma ends the value; the rest would otherwise be lost.
        var line = Scenario("b").Replace("en: Summary.", "en: Plan, then build.", StringComparison.Ordinal);

        var error = Assert.Single(Load(Header + Scenario("a") + line).Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains("unknown key 'then build.'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_DuplicateLinkId_IsReportedOnTheSecondLink()
    {
        var yaml = Header.Replace("groups:\n", "  - {id: l1, name: {zh: 环节二, en: Link 2}, order: 2}\ngroups:\n", StringComparison.Ordinal);

        var error = Assert.Single(Load(yaml + Scenario("a")).Errors);

        Assert.Equal(4, error.Line);
        Assert.Contains("link id 'l1' is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_PrerequisiteCycle_NamesTheCycleWhereItCloses()
    {
        var yaml = Header + Scenario("a", "prerequisites: [c]") + Scenario("b", "prerequisites: [a]") + Scenario("c", "prerequisites: [b]");

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal(8, error.Line); // b's "needs a" closes the path a -> c -> b
        Assert.Contains("a -> c -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_SeveralProblems_ReportsEveryOneInFileOrder()
    {
        var yaml = Header + Scenario("a", "prerequisites: [zz]") + Scenario("a") + Scenario("b").Replace("link: l1", "link: l2", StringComparison.Ordinal);

        var errors = Load(yaml).Errors;

        Assert.Equal([7, 8, 9], errors.Select(e => e.Line));
    }

    [Theory]
    [InlineData("nope", "has no question, scene or rated sub-domain 'nope'")]
    [InlineData("other-model/network", "no model 'other-model' is loaded")]
    [InlineData("foundation", "has no question, scene or rated sub-domain 'foundation'")] // a dimension of a thresholds model is not a target
    [InlineData("cmmm-selfcheck/manufacturing", "has no question, scene or rated sub-domain 'manufacturing'")] // a capability element holds no ratings itself
    [InlineData("cmmm-selfcheck/nope", "has no question, scene or rated sub-domain 'nope'")]
    public void LoadText_TargetMissingFromModels_IsReportedOnItsLine(string target, string message)
    {
        var yaml = Header.Replace("model: m", "model: miit-sme-digital-level", StringComparison.Ordinal) +
            Scenario("a").Replace("[q1]", "[network, equipment-management]", StringComparison.Ordinal) +
            Scenario("b").Replace("[q1]", $"[{target}]", StringComparison.Ordinal);

        var error = Assert.Single(Load(yaml, new ModelRegistry([ShippedModels.Miit, ShippedModels.Cmmm])).Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cmmm-selfcheck/equipment-care")] // a GB/T 39116 sub-domain: a group of rating requirements
    [InlineData("cmmm-selfcheck/equipment-care-l2")] // one of its requirements
    public void LoadText_StagedModelSubDomainOrRequirement_IsATarget(string target)
    {
        var yaml = Header.Replace("model: m", "model: miit-sme-digital-level", StringComparison.Ordinal) +
            Scenario("a").Replace("[q1]", $"[network, {target}]", StringComparison.Ordinal);

        var loaded = Load(yaml, new ModelRegistry([ShippedModels.Miit, ShippedModels.Cmmm]));

        Assert.Empty(loaded.Errors);
        Assert.Contains(loaded.Library!.Scenarios[0].Improves, t => t.ModelId == "cmmm-selfcheck");
    }

    [Theory]
    [InlineData("[equipment-management]", true)] // a constraint scene
    [InlineData("[after-sales]", false)] // not a constraint scene
    [InlineData("[equipment-networking]", false)] // a question, not a scene
    public void LoadText_ConstraintFlag_MustMatchAConstraintScene(string targets, bool valid)
    {
        var yaml = Header.Replace("model: m", "model: miit-sme-digital-level", StringComparison.Ordinal) +
            Scenario("a", "constraint: true").Replace("[q1]", targets, StringComparison.Ordinal);

        var errors = Load(yaml, new ModelRegistry([ShippedModels.Miit])).Errors;

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal(7, e.Line));
    }

    [Fact]
    public void LoadText_WithoutModels_DoesNotCheckTargets()
    {
        Assert.True(Load(Header + Scenario("a")).Succeeded);
    }

    [Fact]
    public void LoadText_NotYaml_ReportsWhere()
    {
        var error = Assert.Single(Load("links: [\n").Errors);

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }
}
