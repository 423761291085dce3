using System.Text.RegularExpressions;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>
/// Checks a <see cref="CompletionInput"/>: a rating of 1–5, a comment of at most 2000 characters, and at most 20 outcome
/// rows, each a well-formed indicator key (given once) with a change between −100 % (gone entirely) and +10000 %.
/// </summary>
public static partial class CompletionValidator
{
    public const double MinChangePercent = -100;
    public const double MaxChangePercent = 10_000;

    public static DemandValidation Validate(CompletionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, EnterpriseMessage>(StringComparer.Ordinal);

        if (input.Rating is null)
            errors[DemandFields.Rating] = DemandErrors.RatingRequired();
        else if (input.Rating is < 1 or > 5)
            errors[DemandFields.Rating] = DemandErrors.RatingOutOfRange(input.Rating.Value);

        if (input.Comment is not null && DemandFields.LengthOf(input.Comment.Trim()) is var length and > DemandFields.CommentMaxLength)
            errors[DemandFields.Comment] = DemandErrors.CommentTooLong(length);

        var kpis = input.Kpis ?? [];
        if (kpis.Count > DemandFields.MaxKpis)
        {
            errors[DemandFields.Kpis] = DemandErrors.KpisTooMany(kpis.Count);
            return new DemandValidation(errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kpis.Count; i++)
        {
            var kpi = kpis[i];
            var indicatorField = DemandFields.Kpi(i, "indicator");
            if (string.IsNullOrWhiteSpace(kpi.Indicator))
                errors[indicatorField] = DemandErrors.KpiIndicatorRequired();
            else if (!IndicatorKey().IsMatch(kpi.Indicator.Trim()))
                errors[indicatorField] = DemandErrors.KpiIndicatorInvalid(kpi.Indicator.Trim());
            else if (!seen.Add(kpi.Indicator.Trim()))
                errors[indicatorField] = DemandErrors.KpiIndicatorDuplicate(kpi.Indicator.Trim());

            var changeField = DemandFields.Kpi(i, "changePercent");
            if (kpi.ChangePercent is null)
                errors[changeField] = DemandErrors.KpiChangeRequired();
            else if (!double.IsFinite(kpi.ChangePercent.Value) || kpi.ChangePercent < MinChangePercent || kpi.ChangePercent > MaxChangePercent)
                errors[changeField] = DemandErrors.KpiChangeOutOfRange(kpi.ChangePercent.Value);
        }

        return new DemandValidation(errors);
    }

    /// <summary>A stable indicator key such as <c>production_efficiency</c> or <c>energy_per_unit</c>.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorKey();
}
