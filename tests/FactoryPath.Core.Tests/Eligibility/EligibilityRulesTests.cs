using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Eligibility;

public class EligibilityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static bool Known(string model, string? question) => model == "m" && (question is null || question == "q1");

    private static EligibilityFacts Facts(SizeClass? size = SizeClass.Small, int level = 2, decimal q1 = 60m, int daysAgo = 30) =>
        new(size, "34", "330203", [new ResultFacts("m", level, Now.AddDays(-daysAgo), new Dictionary<string, decimal> { ["q1"] = q1 })]);

    [Fact]
    public void Every_malformed_rule_is_named_by_position()
    {
        var errors = EligibilityRules.Validate([
            new EligibilityRule("size-class", ["small", "huge"]),
            new EligibilityRule("industry", ["99"]),
            new EligibilityRule("region", []),
            new EligibilityRule("min-level", ModelId: "other", Level: 2),
            new EligibilityRule("min-question-percent", ModelId: "m", QuestionId: "q9", Percent: 120),
            new EligibilityRule("result-within-days", ModelId: "m", Days: 0),
            new EligibilityRule("colour"),
        ], Known);
        var en = errors.Select(e => e.En).ToList();
        Assert.Equal(8, en.Count);
        Assert.Contains(en, e => e.StartsWith("Rule 1:") && e.Contains("\"huge\""));
        Assert.Contains(en, e => e.StartsWith("Rule 2:") && e.Contains("\"99\""));
        Assert.Contains(en, e => e.StartsWith("Rule 3:"));
        Assert.Contains(en, e => e.StartsWith("Rule 4:") && e.Contains("other"));
        Assert.Contains(en, e => e.StartsWith("Rule 5:") && e.Contains("q9"));
        Assert.Contains(en, e => e.StartsWith("Rule 5:") && e.Contains("percentage"));
        Assert.Contains(en, e => e.StartsWith("Rule 6:"));
        Assert.Contains(en, e => e.StartsWith("Rule 7:") && e.Contains("colour"));
        Assert.All(errors, e => Assert.StartsWith("第", e.Zh));
    }

    [Fact]
    public void Well_formed_rules_have_no_errors()
    {
        Assert.Empty(EligibilityRules.Validate([
            new EligibilityRule("size-class", ["Small", "medium"]),
            new EligibilityRule("industry", ["C", "34"]),
            new EligibilityRule("region", ["330000"]),
            new EligibilityRule("min-level", ModelId: "m", Level: 2),
            new EligibilityRule("min-question-percent", ModelId: "m", QuestionId: "q1", Percent: 50),
            new EligibilityRule("result-within-days", ModelId: "m", Days: 365),
        ], Known));
    }

    [Theory]
    [InlineData(SizeClass.Small, 2, 60, 30, true)]
    [InlineData(SizeClass.Large, 2, 60, 30, false)]
    [InlineData(SizeClass.Small, 1, 60, 30, false)]
    [InlineData(SizeClass.Small, 2, 49.9, 30, false)]
    [InlineData(SizeClass.Small, 2, 50, 366, false)]
    public void All_rules_must_hold(SizeClass size, int level, double q1, int daysAgo, bool eligible)
    {
        IReadOnlyList<EligibilityRule> rules = [
            new("size-class", ["micro", "small", "medium"]),
            new("industry", ["C"]),
            new("region", ["330200"]),
            new("min-level", ModelId: "m", Level: 2),
            new("min-question-percent", ModelId: "m", QuestionId: "q1", Percent: 50),
            new("result-within-days", ModelId: "m", Days: 365),
        ];
        var report = EligibilityRules.Evaluate(rules, Facts(size, level, (decimal)q1, daysAgo), Now);
        Assert.Equal(eligible, report.Eligible);
        Assert.Equal(eligible ? 6 : 5, report.Rules.Count(r => r.Met));
    }

    [Fact]
    public void Region_and_industry_outside_fail_and_say_what_the_enterprise_has()
    {
        var report = EligibilityRules.Evaluate([new("region", ["420000"]), new("industry", ["13"])], Facts(), Now);
        Assert.False(report.Eligible);
        Assert.All(report.Rules, r => Assert.False(r.Met));
        Assert.Contains("宁波", report.Rules[0].Actual.Zh);
    }

    [Fact]
    public void Without_a_result_the_result_rules_fail()
    {
        var facts = new EligibilityFacts(SizeClass.Small, "34", "330203", []);
        var report = EligibilityRules.Evaluate([new("min-level", ModelId: "m", Level: 1), new("min-question-percent", ModelId: "m", QuestionId: "q1", Percent: 10)], facts, Now);
        Assert.All(report.Rules, r => Assert.Equal("no result yet", r.Actual.En));
        Assert.False(report.Eligible);
    }

    [Fact]
    public void Result_facts_keep_scored_questions_only()
    {
        var name = new LocalizedText("x", "x");
        var result = new AssessmentResult("m", "1", name, 5, 20, [
            new NodeScore("g", null, 0, "group", name, 5, 20, false),
            new NodeScore("q1", "g", 1, "single", name, 3, 4, false),
            new NodeScore("q2", "g", 1, "single", name, 0, 4, true),
            new NodeScore("q3", "g", 1, "single", name, 0, 0, false),
        ], [], [], new LevelReached(2, name), null);
        var facts = ResultFacts.From(result, Now);
        Assert.Equal(2, facts.Level);
        Assert.Equal(75m, Assert.Single(facts.QuestionPercent).Value);
    }
}
