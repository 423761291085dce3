using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Eligibility;

/// <summary>
/// One condition an enterprise must meet to apply for a demonstration tier or a support programme. Rules are data:
/// they are stored as JSON with a programme and read from YAML for the tiers. Which fields a rule uses depends on its
/// <see cref="Kind"/> (see <see cref="EligibilityKinds"/>); <see cref="EligibilityRules.Validate"/> says what is missing.
/// </summary>
/// <param name="Kind">One of <see cref="EligibilityKinds"/>.</param>
/// <param name="AnyOf">For <c>size-class</c>: size class names (micro, small, medium, large); for <c>industry</c>:
/// GB/T 4754-2017 code prefixes (e.g. "13", "341"); for <c>region</c>: GB/T 2260 codes whose region contains the
/// enterprise's.</param>
/// <param name="ModelId">For <c>min-level</c>, <c>min-question-percent</c> and <c>result-within-days</c>: the assessment model.</param>
/// <param name="Level">For <c>min-level</c>: the lowest level of the enterprise's latest result of <see cref="ModelId"/>.</param>
/// <param name="QuestionId">For <c>min-question-percent</c>: the question of <see cref="ModelId"/>.</param>
/// <param name="Percent">For <c>min-question-percent</c>: the lowest score of that question as a share of its full marks, in percent.</param>
/// <param name="Days">For <c>result-within-days</c>: the latest result of <see cref="ModelId"/> is at most this old.</param>
/// <param name="Label">An optional name for the rule shown instead of the generated description.</param>
public sealed record EligibilityRule(
    string Kind,
    IReadOnlyList<string>? AnyOf = null,
    string? ModelId = null,
    int? Level = null,
    string? QuestionId = null,
    decimal? Percent = null,
    int? Days = null,
    LocalizedText? Label = null);

/// <summary>The kinds of <see cref="EligibilityRule"/>.</summary>
public static class EligibilityKinds
{
    public const string SizeClass = "size-class";
    public const string Industry = "industry";
    public const string Region = "region";
    public const string MinLevel = "min-level";
    public const string MinQuestionPercent = "min-question-percent";
    public const string ResultWithinDays = "result-within-days";

    public static IReadOnlyList<string> All { get; } = [SizeClass, Industry, Region, MinLevel, MinQuestionPercent, ResultWithinDays];
}
