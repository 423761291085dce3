using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Demands;

/// <summary>Checks a <see cref="DemandInput"/> field by field against the scenario library, the region codes and today's date.</summary>
public static class DemandValidator
{
    /// <param name="today">The current date where the platform runs; the deadline must lie after it.</param>
    public static DemandValidation Validate(DemandInput input, ScenarioLibrary library, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(library);
        var errors = new Dictionary<string, EnterpriseMessage>(StringComparer.Ordinal);

        if (string.IsNullOrWhiteSpace(input.Title))
            errors[DemandFields.Title] = DemandErrors.TitleRequired();
        else if (DemandFields.LengthOf(input.Title.Trim()) is var titleLength and > DemandFields.TitleMaxLength)
            errors[DemandFields.Title] = DemandErrors.TitleTooLong(titleLength);

        if (input.Description is not null && DemandFields.LengthOf(input.Description.Trim()) is var descriptionLength and > DemandFields.DescriptionMaxLength)
            errors[DemandFields.Description] = DemandErrors.DescriptionTooLong(descriptionLength);

        var scenarios = input.Scenarios?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList() ?? [];
        if (scenarios.Count == 0)
            errors[DemandFields.Scenarios] = DemandErrors.ScenariosRequired();
        else if (scenarios.FirstOrDefault(s => library.Find(s) is null) is { } unknown)
            errors[DemandFields.Scenarios] = DemandErrors.ScenarioUnknown(unknown);

        if (input.BudgetMinCny is null)
            errors[DemandFields.BudgetMinCny] = DemandErrors.BudgetMinRequired();
        else if (input.BudgetMinCny < 0)
            errors[DemandFields.BudgetMinCny] = DemandErrors.BudgetMinNegative();

        if (input.BudgetMaxCny is null)
            errors[DemandFields.BudgetMaxCny] = DemandErrors.BudgetMaxRequired();
        else if (input.BudgetMaxCny <= 0)
            errors[DemandFields.BudgetMaxCny] = DemandErrors.BudgetMaxNotPositive();

        if (input.BudgetMinCny is >= 0 and var min && input.BudgetMaxCny is > 0 and var max && min > max)
            errors[DemandFields.BudgetMinCny] = DemandErrors.BudgetMinAboveMax();

        if (input.Deadline is null)
            errors[DemandFields.Deadline] = DemandErrors.DeadlineRequired();
        else if (input.Deadline <= today)
            errors[DemandFields.Deadline] = DemandErrors.DeadlineNotFuture(today);

        if (string.IsNullOrWhiteSpace(input.RegionCode))
            errors[DemandFields.RegionCode] = DemandErrors.RegionRequired();
        else if (!RegionCatalog.IsValidCode(input.RegionCode))
            errors[DemandFields.RegionCode] = DemandErrors.RegionUnknown(input.RegionCode.Trim());

        if (input.PreferredDeployment is { } deployment && !Enum.IsDefined(deployment))
            errors[DemandFields.PreferredDeployment] = DemandErrors.DeploymentUnknown();

        return new DemandValidation(errors);
    }
}
