namespace FactoryPath.Core.Catalog.Pool;

/// <summary>Checks a <see cref="CaseInput"/>: titles, enterprise, industry, region, scenarios, tier, year and KPI changes.</summary>
public static class CaseValidator
{
    /// <param name="currentYear">The latest year accepted is the one after it (a case may be dated by its planned acceptance).</param>
    public static PoolValidation<CaseValues> Validate(CaseInput input, ScenarioLibrary library, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(library);
        var checks = new PoolChecks();

        var titleZh = checks.Text(PoolFields.TitleZh, input.TitleZh, PoolFields.TitleMaxLength, required: true);
        var titleEn = checks.Text(PoolFields.TitleEn, input.TitleEn, PoolFields.TitleMaxLength, required: true);
        var summaryZh = checks.Text(PoolFields.SummaryZh, input.SummaryZh, PoolFields.DescriptionMaxLength, required: false);
        var summaryEn = checks.Text(PoolFields.SummaryEn, input.SummaryEn, PoolFields.DescriptionMaxLength, required: false);
        var enterpriseName = checks.Text(PoolFields.EnterpriseName, input.EnterpriseName, PoolFields.NameMaxLength, required: true);
        var industry = checks.Industry(PoolFields.IndustryCode, input.IndustryCode);
        var region = checks.Region(PoolFields.RegionCode, input.RegionCode);
        var scenarios = checks.Scenarios(PoolFields.Scenarios, input.Scenarios, library, required: true);

        DemonstrationTier? tier = null;
        if (!string.IsNullOrWhiteSpace(input.Tier))
        {
            if (PoolNames.TryParse(input.Tier, out DemonstrationTier parsed))
            {
                tier = parsed;
            }
            else
            {
                checks.Add(PoolFields.Tier, PoolErrors.NameUnknown(PoolFields.Tier, input.Tier.Trim(), Enum.GetNames<DemonstrationTier>()));
            }
        }

        var year = checks.IntInRange(PoolFields.Year, input.Year, PoolFields.MinCaseYear, currentYear + 1);
        var kpis = Kpis(checks, input.Kpis ?? []);

        var value = checks.HasErrors
            ? null
            : new CaseValues(titleZh, titleEn, summaryZh, summaryEn, input.EnterpriseId, enterpriseName, input.Anonymised,
                industry, region, scenarios, tier, year!.Value, input.SolutionId, input.ProviderId, kpis);
        return new PoolValidation<CaseValues>(checks.Errors, value);
    }

    public static PoolValidation<CaseValues> Validate(CaseInput input, ScenarioLibrary library) =>
        Validate(input, library, DateTime.UtcNow.Year);

    private static List<KpiChangeValues> Kpis(PoolChecks checks, IReadOnlyList<KpiChangeInput> kpis)
    {
        var result = new List<KpiChangeValues>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kpis.Count; i++)
        {
            var kpi = kpis[i];
            var indicatorKey = PoolFields.Item(PoolFields.Kpis, i, PoolFields.Indicator);
            string? indicator = null;
            if (string.IsNullOrWhiteSpace(kpi.Indicator))
            {
                checks.Add(indicatorKey, PoolErrors.RequiredError(PoolFields.Indicator));
            }
            else if (KpiIndicators.Find(kpi.Indicator) is not { } known)
            {
                checks.Add(indicatorKey, PoolErrors.IndicatorUnknown(kpi.Indicator.Trim()));
            }
            else if (!seen.Add(known.Key))
            {
                checks.Add(indicatorKey, PoolErrors.DuplicateError(PoolFields.Indicator, known.Key));
            }
            else
            {
                indicator = known.Key;
            }

            var changeKey = PoolFields.Item(PoolFields.Kpis, i, PoolFields.ChangePercent);
            double? change = null;
            if (kpi.ChangePercent is not { } percent)
            {
                checks.Add(changeKey, PoolErrors.RequiredError(PoolFields.ChangePercent));
            }
            else if (!double.IsFinite(percent) || Math.Abs(percent) > PoolFields.MaxChangePercent)
            {
                checks.Add(changeKey, PoolErrors.OutOfRangeError(PoolFields.ChangePercent,
                    PoolChecks.Show(-PoolFields.MaxChangePercent), PoolChecks.Show(PoolFields.MaxChangePercent), PoolChecks.Show(percent)));
            }
            else
            {
                change = percent;
            }

            Finite(checks, PoolFields.Item(PoolFields.Kpis, i, PoolFields.Before), PoolFields.Before, kpi.Before);
            Finite(checks, PoolFields.Item(PoolFields.Kpis, i, PoolFields.After), PoolFields.After, kpi.After);
            var unit = checks.Text(PoolFields.Item(PoolFields.Kpis, i, PoolFields.Unit), kpi.Unit, PoolFields.UnitMaxLength,
                required: false, labelField: PoolFields.Unit);

            if (indicator is not null && change is not null)
            {
                result.Add(new KpiChangeValues(indicator, kpi.Before, kpi.After, unit.Length == 0 ? null : unit, change.Value));
            }
        }

        return result;
    }

    private static void Finite(PoolChecks checks, string key, string field, double? value)
    {
        if (value is { } number && !double.IsFinite(number))
        {
            checks.Add(key, PoolErrors.OutOfRangeError(field, PoolChecks.Show(double.MinValue), PoolChecks.Show(double.MaxValue), PoolChecks.Show(number)));
        }
    }
}
