using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using FactoryPath.Web.Programmes;

namespace FactoryPath.Web.Tests.Programmes;

public sealed class ProgrammeValidatorTests
{
    private static readonly ModelRegistry Models = new([]);
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static ProgrammeInput Valid() => new("宁波转型券", "Ningbo vouchers", "说明", "Text", "330200", 1_000_000, 100_000, Day, Day.AddDays(90), []);

    [Fact]
    public void A_complete_programme_has_no_errors() => Assert.Empty(ProgrammeValidator.Validate(Valid(), Models));

    [Theory]
    [InlineData("budget-zero", "budgetCny")]
    [InlineData("budget-huge", "budgetCny")]
    [InlineData("max-over-budget", "maxPerApplicationCny")]
    [InlineData("max-negative", "maxPerApplicationCny")]
    [InlineData("closes-before-opens", "closesOn")]
    [InlineData("period-over-ten-years", "closesOn")]
    [InlineData("name-too-long", "nameZh")]
    [InlineData("blank-english-name", "nameEn")]
    [InlineData("region-unknown", "regionCode")]
    [InlineData("too-many-rules", "rules")]
    [InlineData("unknown-model", "rules")]
    public void Each_wrong_field_is_named_in_both_languages(string change, string field)
    {
        var input = change switch
        {
            "budget-zero" => Valid() with { BudgetCny = 0 },
            "budget-huge" => Valid() with { BudgetCny = ProgrammeLimits.MaxCny + 1 },
            "max-over-budget" => Valid() with { MaxPerApplicationCny = 1_000_001 },
            "max-negative" => Valid() with { MaxPerApplicationCny = -5 },
            "closes-before-opens" => Valid() with { ClosesOn = Day.AddDays(-1) },
            "period-over-ten-years" => Valid() with { ClosesOn = Day.AddDays(3661) },
            "name-too-long" => Valid() with { NameZh = new string('券', ProgrammeLimits.Name + 1) },
            "blank-english-name" => Valid() with { NameEn = "  " },
            "region-unknown" => Valid() with { RegionCode = "990100" },
            "too-many-rules" => Valid() with { Rules = Enumerable.Repeat(new EligibilityRule("size-class", ["small"]), ProgrammeLimits.Rules + 1).ToList() },
            "unknown-model" => Valid() with { Rules = [new EligibilityRule("min-level", ModelId: "nope", Level: 2)] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        var errors = ProgrammeValidator.Validate(input, Models);
        var message = Assert.Single(Assert.Single(errors, e => e.Key == field).Value);
        Assert.False(string.IsNullOrWhiteSpace(message.Zh));
        Assert.False(string.IsNullOrWhiteSpace(message.En));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(null, "requestedCny")]
    [InlineData(0L, "requestedCny")]
    [InlineData(100_001L, "requestedCny")]
    public void An_amount_must_be_above_zero_and_within_the_maximum(long? amount, string field)
    {
        var programme = new SupportProgramme { MaxPerApplicationCny = 100_000 };
        var errors = ProgrammeValidator.Validate(new ApplicationInput(amount, "联网"), programme);
        Assert.Equal([field], errors.Keys);
        Assert.Empty(ProgrammeValidator.Validate(new ApplicationInput(100_000, "联网"), programme));
    }
}
