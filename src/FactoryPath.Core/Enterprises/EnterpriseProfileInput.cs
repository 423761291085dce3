namespace FactoryPath.Core.Enterprises;

/// <summary>An enterprise profile as entered, before validation; every field may be missing.</summary>
/// <param name="IndustryCode">A GB/T 4754-2017 division code, e.g. <c>34</c>.</param>
/// <param name="RegionCode">A GB/T 2260 code (province, prefecture or county).</param>
/// <param name="AnnualRevenueCny">Operating revenue (营业收入) of the last year, in yuan.</param>
public sealed record EnterpriseProfileInput(
    string? Name,
    string? CreditCode,
    string? IndustryCode,
    string? RegionCode,
    int? Employees,
    decimal? AnnualRevenueCny);
