using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>
/// Checks a <see cref="CompletionInput"/>: a rating of 1–5, a comment of at most 2000 characters, and at most 20 outcome
/// rows, each an indicator of <see cref="KpiIndicators"/> (given once) with a change between −100 % (gone entirely) and
/// the pool's upper limit, so that a project's outcomes are valid demonstration-case KPIs as they are.
/// </summary>
public static class CompletionValidator
{
    public const double MinChangePercent = -100;
    public const double MaxChangePercent = PoolFields.MaxChangePercent;

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
            else if (KpiIndicators.Find(kpi.Indicator) is not { } known)
                errors[indicatorField] = DemandErrors.KpiIndicatorUnknown(kpi.Indicator.Trim());
            else if (!seen.Add(known.Key))
                errors[indicatorField] = DemandErrors.KpiIndicatorDuplicate(known.Key);

            var changeField = DemandFields.Kpi(i, "changePercent");
            if (kpi.ChangePercent is null)
                errors[changeField] = DemandErrors.KpiChangeRequired();
            else if (!double.IsFinite(kpi.ChangePercent.Value) || kpi.ChangePercent < MinChangePercent || kpi.ChangePercent > MaxChangePercent)
                errors[changeField] = DemandErrors.KpiChangeOutOfRange(kpi.ChangePercent.Value);
        }

        return new DemandValidation(errors);
    }

}
