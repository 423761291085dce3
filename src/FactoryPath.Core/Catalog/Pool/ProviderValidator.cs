using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>Checks a <see cref="ProviderInput"/> field by field. The rating is not an input: it is derived from rated projects.</summary>
public static class ProviderValidator
{
    public static PoolValidation<ProviderValues> Validate(ProviderInput input, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(library);
        var checks = new PoolChecks();

        var name = checks.Text(PoolFields.Name, input.Name, PoolFields.NameMaxLength, required: true);
        var creditCode = CreditCode.Validate(input.CreditCode);
        if (creditCode.Error is { } creditCodeError)
        {
            checks.Add(PoolFields.CreditCode, creditCodeError);
        }

        var region = checks.Region(PoolFields.RegionCode, input.RegionCode);
        var served = checks.Regions(PoolFields.RegionsServed, input.RegionsServed);
        var industries = checks.Industries(PoolFields.Industries, input.Industries);
        var scenarios = checks.Scenarios(PoolFields.Scenarios, input.Scenarios, library, required: false);
        var certifications = PoolChecks.Distinct(input.Certifications);
        foreach (var certification in certifications)
        {
            checks.Text(PoolFields.Certifications, certification, PoolFields.CertificationMaxLength, required: false);
        }

        var teamSize = checks.IntInRange(PoolFields.TeamSize, input.TeamSize, 1, int.MaxValue);
        var descriptionZh = checks.Text(PoolFields.DescriptionZh, input.DescriptionZh, PoolFields.DescriptionMaxLength, required: false);
        var descriptionEn = checks.Text(PoolFields.DescriptionEn, input.DescriptionEn, PoolFields.DescriptionMaxLength, required: false);
        var website = Website(checks, input.Website);

        var value = checks.HasErrors
            ? null
            : new ProviderValues(name, creditCode.NormalizedCode, region, served, industries, scenarios, certifications,
                teamSize!.Value, descriptionZh, descriptionEn, website);
        return new PoolValidation<ProviderValues>(checks.Errors, value);
    }

    private static string? Website(PoolChecks checks, string? text)
    {
        var website = checks.Text(PoolFields.Website, text, PoolFields.WebsiteMaxLength, required: false);
        if (website.Length == 0)
        {
            return null;
        }

        var isWebAddress = Uri.TryCreate(website, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0;
        if (!isWebAddress)
        {
            checks.Add(PoolFields.Website, PoolErrors.NotUrlError());
        }

        return website;
    }
}
