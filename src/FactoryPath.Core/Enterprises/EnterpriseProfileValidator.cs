namespace FactoryPath.Core.Enterprises;

/// <summary>Checks an <see cref="EnterpriseProfileInput"/> field by field and computes its size class (industrial thresholds).</summary>
public static class EnterpriseProfileValidator
{
    public static EnterpriseProfileValidation Validate(EnterpriseProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, EnterpriseMessage>(StringComparer.Ordinal);

        if (NameError(input.Name) is { } nameError)
        {
            errors[EnterpriseProfileFields.Name] = nameError;
        }

        var creditCode = CreditCode.Validate(input.CreditCode);
        if (creditCode.Error is { } creditCodeError)
        {
            errors[EnterpriseProfileFields.CreditCode] = creditCodeError;
        }

        if (string.IsNullOrWhiteSpace(input.IndustryCode))
        {
            errors[EnterpriseProfileFields.IndustryCode] = EnterpriseProfileErrors.IndustryRequired();
        }
        else if (!IndustryCatalog.IsDivision(input.IndustryCode))
        {
            errors[EnterpriseProfileFields.IndustryCode] = EnterpriseProfileErrors.IndustryUnknown(input.IndustryCode.Trim());
        }

        if (string.IsNullOrWhiteSpace(input.RegionCode))
        {
            errors[EnterpriseProfileFields.RegionCode] = EnterpriseProfileErrors.RegionRequired();
        }
        else if (!RegionCatalog.IsValidCode(input.RegionCode))
        {
            errors[EnterpriseProfileFields.RegionCode] = EnterpriseProfileErrors.RegionUnknown(input.RegionCode.Trim());
        }

        if (input.Employees is null)
        {
            errors[EnterpriseProfileFields.Employees] = EnterpriseProfileErrors.EmployeesRequired();
        }
        else if (input.Employees < 0)
        {
            errors[EnterpriseProfileFields.Employees] = EnterpriseProfileErrors.NegativeEmployees();
        }

        if (input.AnnualRevenueCny is null)
        {
            errors[EnterpriseProfileFields.AnnualRevenueCny] = EnterpriseProfileErrors.RevenueRequired();
        }
        else if (input.AnnualRevenueCny < 0)
        {
            errors[EnterpriseProfileFields.AnnualRevenueCny] = EnterpriseProfileErrors.NegativeRevenue();
        }

        SizeClass? sizeClass = input.Employees is >= 0 and int employees && input.AnnualRevenueCny is >= 0 and decimal revenue
            ? SizeClassifier.Classify(employees, revenue)
            : null;

        return new EnterpriseProfileValidation(errors, creditCode.NormalizedCode, sizeClass);
    }

    private static EnterpriseMessage? NameError(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return EnterpriseProfileErrors.NameRequired();
        }

        // Count characters as people see them: a CJK extension character outside the BMP is one, not two UTF-16 units.
        var length = name.Trim().EnumerateRunes().Count();
        return length > EnterpriseProfileFields.NameMaxLength ? EnterpriseProfileErrors.NameTooLong(length) : null;
    }
}
