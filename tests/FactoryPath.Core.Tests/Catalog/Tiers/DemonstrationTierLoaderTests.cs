using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Catalog.Tiers;

public class DemonstrationTierLoaderTests
{
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(TestFiles.ModelsDirectory).Registry;

    [Fact]
    public void Shipped_file_loads_against_the_shipped_models_with_every_tier()
    {
        var loaded = DemonstrationTierLoader.LoadEmbedded(Models);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        Assert.Equal(Enum.GetValues<DemonstrationTier>().Order(), loaded.Catalog!.Tiers.Select(t => t.Tier).Order());
        var basic = loaded.Catalog.Find(DemonstrationTier.SmartFactoryBasic)!;
        Assert.Equal("基础级智能工厂", basic.Name.Zh);
        Assert.Equal(TierReview.Prefecture, basic.Review);
        // the published part of the basic tier: a GB/T 39116 self-check at level 2 or above, not our judgement
        var selfCheck = Assert.Single(basic.Rules, r => r.Rule.Kind == EligibilityKinds.MinLevel);
        Assert.Equal(("cmmm-selfcheck", 2, false), (selfCheck.Rule.ModelId, selfCheck.Rule.Level!.Value, selfCheck.Judgement));
        Assert.Equal(TierReview.National, loaded.Catalog.Find(DemonstrationTier.NationalDemonstration)!.Review);
    }

    [Fact]
    public void A_model_not_installed_refuses_the_file_unless_missing_models_are_allowed()
    {
        var withoutSme = new ModelRegistry(Models.Models.Where(m => m.Id != "miit-sme-digital-level"));

        var strict = DemonstrationTierLoader.LoadEmbedded(withoutSme);
        Assert.False(strict.Succeeded);
        Assert.All(strict.Errors, e => Assert.Contains("miit-sme-digital-level", e.ToString()));

        // a platform started without that model still starts; the tier's rules on it cannot be met
        var tolerant = DemonstrationTierLoader.LoadEmbedded(withoutSme, allowMissingModels: true);
        Assert.True(tolerant.Succeeded, string.Join(Environment.NewLine, tolerant.Errors));
        var facts = new EligibilityFacts(Core.Enterprises.SizeClass.Small, "34", "330200", []);
        var rules = tolerant.Catalog!.Find(DemonstrationTier.SmartFactoryAdvanced)!.Rules.Select(r => r.Rule).ToList();
        Assert.False(EligibilityRules.Evaluate(rules, facts, DateTimeOffset.UtcNow).Eligible);
    }

    [Fact]
    public void Broken_file_is_refused_with_each_problem_at_its_line()
    {
        const string yaml = """
            tiers:
              - tier: SmartFactoryBasic
                name: {zh: 基础级, en: Basic}
                summary: {zh: 说明, en: Summary}
                review: prefecture
                rules:
                  - {kind: min-level, model: no-such-model, level: 2}
                  - {kind: min-question-percent, model: miit-sme-digital-level, question: data-collection, percent: 130}
              - tier: Golden
                name: {zh: 金, en: Gold}
                summary: {zh: 说明, en: Summary}
                review: planet
                rules: []
              - tier: SmartFactoryBasic
                name: {zh: 基础级}
                summary: {zh: 说明, en: Summary}
                review: province
                colour: red
                rules: []
            """;
        var loaded = DemonstrationTierLoader.LoadText(yaml, "tiers.yaml", Models);
        Assert.False(loaded.Succeeded);
        Assert.Null(loaded.Catalog);
        Assert.Contains(loaded.Errors, e => e.Line == 7 && e.Message.Contains("no-such-model"));
        Assert.Contains(loaded.Errors, e => e.Line == 8 && e.Message.Contains("percentage"));
        Assert.Contains(loaded.Errors, e => e.Line == 9 && e.Message.Contains("'Golden'"));
        Assert.Contains(loaded.Errors, e => e.Line == 12 && e.Message.Contains("planet"));
        Assert.Contains(loaded.Errors, e => e.Line == 14 && e.Message.Contains("listed twice"));
        Assert.Contains(loaded.Errors, e => e.Line == 15 && e.Message.Contains("English"));
        Assert.Contains(loaded.Errors, e => e.Line == 18 && e.Message.Contains("colour"));
        Assert.All(loaded.Errors, e => Assert.Equal("tiers.yaml", e.File));
        var thrown = Assert.Throws<InvalidOperationException>(() => loaded.OrThrow());
        Assert.Contains("tiers.yaml:7:", thrown.Message);
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var loaded = DemonstrationTierLoader.LoadText("tiers:\n  - tier: [unclosed\n", "tiers.yaml", Models);
        Assert.False(loaded.Succeeded);
        Assert.Contains("not valid YAML", Assert.Single(loaded.Errors).Message);
    }
}
