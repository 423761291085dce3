namespace FactoryPath.Core.Enterprises;

/// <summary>Field names used as keys of <see cref="EnterpriseProfileValidation.Errors"/> (camelCase, as in JSON and forms).</summary>
public static class EnterpriseProfileFields
{
    public const string Name = "name";
    public const string CreditCode = "creditCode";
    public const string IndustryCode = "industryCode";
    public const string RegionCode = "regionCode";
    public const string Employees = "employees";
    public const string AnnualRevenueCny = "annualRevenueCny";

    public const int NameMaxLength = 200;
}
