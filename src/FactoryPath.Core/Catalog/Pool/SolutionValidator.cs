using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>Checks a <see cref="SolutionInput"/> field by field: titles, known scenarios and industries, size classes, deployment, price range and time.</summary>
public static class SolutionValidator
{
    public static PoolValidation<SolutionValues> Validate(SolutionInput input, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(library);
        var checks = new PoolChecks();

        var titleZh = checks.Text(PoolFields.TitleZh, input.TitleZh, PoolFields.TitleMaxLength, required: true);
        var titleEn = checks.Text(PoolFields.TitleEn, input.TitleEn, PoolFields.TitleMaxLength, required: true);
        var descriptionZh = checks.Text(PoolFields.DescriptionZh, input.DescriptionZh, PoolFields.DescriptionMaxLength, required: false);
        var descriptionEn = checks.Text(PoolFields.DescriptionEn, input.DescriptionEn, PoolFields.DescriptionMaxLength, required: false);
        var scenarios = checks.Scenarios(PoolFields.Scenarios, input.Scenarios, library, required: true);
        var industries = checks.Industries(PoolFields.Industries, input.Industries);
        var sizeClasses = SizeClasses(checks, input.SizeClasses);

        DeploymentMode? deployment = null;
        if (string.IsNullOrWhiteSpace(input.Deployment))
        {
            checks.Add(PoolFields.Deployment, PoolErrors.RequiredError(PoolFields.Deployment));
        }
        else if (PoolNames.TryParse(input.Deployment, out DeploymentMode parsed))
        {
            deployment = parsed;
        }
        else
        {
            checks.Add(PoolFields.Deployment, PoolErrors.NameUnknown(PoolFields.Deployment, input.Deployment.Trim(), Enum.GetNames<DeploymentMode>()));
        }

        var priceMin = Price(checks, PoolFields.PriceMinCny, input.PriceMinCny);
        var priceMax = Price(checks, PoolFields.PriceMaxCny, input.PriceMaxCny);
        if (priceMin is { } min && priceMax is { } max && min > max)
        {
            checks.Add(PoolFields.PriceMaxCny, PoolErrors.PriceBelowMin(min, max));
        }

        var weeks = checks.IntInRange(PoolFields.ImplementationWeeks, input.ImplementationWeeks,
            PoolFields.MinImplementationWeeks, PoolFields.MaxImplementationWeeks);

        var value = checks.HasErrors
            ? null
            : new SolutionValues(input.ProviderId, titleZh, titleEn, descriptionZh, descriptionEn, scenarios, industries,
                sizeClasses, deployment!.Value, priceMin!.Value, priceMax!.Value, weeks!.Value, input.Standardised);
        return new PoolValidation<SolutionValues>(checks.Errors, value);
    }

    private static long? Price(PoolChecks checks, string field, long? price)
    {
        if (price is null)
        {
            checks.Add(field, PoolErrors.RequiredError(field));
        }
        else if (price < 0)
        {
            checks.Add(field, PoolErrors.NegativeError(field));
            return null;
        }

        return price;
    }

    private static List<SizeClass> SizeClasses(PoolChecks checks, IEnumerable<string?>? names)
    {
        var result = new List<SizeClass>();
        foreach (var name in PoolChecks.Distinct(names))
        {
            if (!PoolNames.TryParse(name, out SizeClass sizeClass))
            {
                checks.Add(PoolFields.SizeClasses, PoolErrors.NameUnknown(PoolFields.SizeClasses, name, Enum.GetNames<SizeClass>()));
            }
            else if (!result.Contains(sizeClass))
            {
                result.Add(sizeClass);
            }
        }

        result.Sort();
        return result;
    }
}
