namespace FactoryPath.Core.Enterprises;

/// <summary>The minimums an enterprise must meet, both of them, to be of <paramref name="Class"/>.</summary>
public sealed record SizeThreshold(SizeClass Class, int MinEmployees, decimal MinAnnualRevenueCny)
{
    public bool IsMetBy(int employees, decimal annualRevenueCny) =>
        employees >= MinEmployees && annualRevenueCny >= MinAnnualRevenueCny;
}
