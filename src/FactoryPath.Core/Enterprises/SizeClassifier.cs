namespace FactoryPath.Core.Enterprises;

/// <summary>Classifies an enterprise as micro, small, medium or large from its employees and annual operating revenue.</summary>
public static class SizeClassifier
{
    /// <summary>Classifies with the industrial thresholds (工业), 工信部联企业〔2011〕300号.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of employees or revenue.</exception>
    public static SizeClass Classify(int employees, decimal annualRevenueCny) =>
        Classify(employees, annualRevenueCny, SizeThresholds.Industrial);

    /// <summary>Classifies with the given sector's thresholds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of employees or revenue.</exception>
    public static SizeClass Classify(int employees, decimal annualRevenueCny, SizeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (employees < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(employees), employees, EnterpriseProfileErrors.NegativeEmployees().ToString());
        }

        if (annualRevenueCny < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRevenueCny), annualRevenueCny, EnterpriseProfileErrors.NegativeRevenue().ToString());
        }

        foreach (var threshold in thresholds.Classes)
        {
            if (threshold.IsMetBy(employees, annualRevenueCny))
            {
                return threshold.Class;
            }
        }

        return SizeClass.Micro;
    }
}
