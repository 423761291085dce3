using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>Checks a <see cref="ProposalInput"/>; whether the solution belongs to the provider is checked where the data is.</summary>
public static class ProposalValidator
{
    public static DemandValidation Validate(ProposalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, EnterpriseMessage>(StringComparer.Ordinal);

        if (input.PriceCny is null)
            errors[DemandFields.PriceCny] = DemandErrors.PriceRequired();
        else if (input.PriceCny <= 0)
            errors[DemandFields.PriceCny] = DemandErrors.PriceNotPositive();

        if (input.DurationWeeks is null)
            errors[DemandFields.DurationWeeks] = DemandErrors.WeeksRequired();
        else if (input.DurationWeeks is < DemandFields.MinWeeks or > DemandFields.MaxWeeks)
            errors[DemandFields.DurationWeeks] = DemandErrors.WeeksOutOfRange(input.DurationWeeks.Value);

        if (string.IsNullOrWhiteSpace(input.Approach))
            errors[DemandFields.Approach] = DemandErrors.ApproachRequired();
        else if (DemandFields.LengthOf(input.Approach.Trim()) is var length and (< DemandFields.ApproachMinLength or > DemandFields.ApproachMaxLength))
            errors[DemandFields.Approach] = length < DemandFields.ApproachMinLength ? DemandErrors.ApproachTooShort(length) : DemandErrors.ApproachTooLong(length);

        return new DemandValidation(errors);
    }
}
